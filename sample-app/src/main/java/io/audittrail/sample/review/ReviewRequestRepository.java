package io.audittrail.sample.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewRequestRepository extends JpaRepository<ReviewRequest, Long> {

	Optional<ReviewRequest> findByIdAndServiceRef(Long id, Long serviceRef);

	List<ReviewRequest> findByServiceRefOrderById(Long serviceRef);

}
