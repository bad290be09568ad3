package io.audittrail.sample.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AiReviewerRepository extends JpaRepository<AiReviewer, Long> {

	Optional<AiReviewer> findByIdAndServiceRef(Long id, Long serviceRef);

	List<AiReviewer> findByServiceRefAndAutoExecuteTrueOrderById(Long serviceRef);

}
