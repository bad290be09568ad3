package io.audittrail.sample.review;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AiReviewRunRepository extends JpaRepository<AiReviewRun, Long> {

}
