package io.audittrail.sample.review;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AiReviewerRepository extends JpaRepository<AiReviewer, Long> {

}
