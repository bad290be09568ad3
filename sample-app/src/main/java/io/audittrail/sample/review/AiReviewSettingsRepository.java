package io.audittrail.sample.review;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AiReviewSettingsRepository extends JpaRepository<AiReviewSettings, Long> {

}
