package io.audittrail.sample.settings;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AiFeatureSettingsRepository extends JpaRepository<AiFeatureSettings, Long> {

}
