package io.audittrail.sample.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewCommentRepository extends JpaRepository<ReviewComment, Long> {

	Optional<ReviewComment> findByIdAndReviewRef(Long id, Long reviewRef);

	List<ReviewComment> findByReviewRefOrderById(Long reviewRef);

}
