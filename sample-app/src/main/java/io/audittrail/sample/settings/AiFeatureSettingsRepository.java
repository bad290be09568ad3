package io.audittrail.sample.settings;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AiFeatureSettingsRepository extends JpaRepository<AiFeatureSettings, Long> {

	Optional<AiFeatureSettings> findByServiceRef(Long serviceRef);

}
