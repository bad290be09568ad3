package io.audittrail.sample.review;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AiReviewSettingsRepository extends JpaRepository<AiReviewSettings, Long> {

	Optional<AiReviewSettings> findByServiceRef(Long serviceRef);

}
