package io.audittrail.sample.content;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ContentRepository extends JpaRepository<Content, Long> {

	Optional<Content> findByApiRefAndContentId(Long apiRef, String contentId);

	List<Content> findByApiRefOrderBySortOrderAscIdAsc(Long apiRef);

	Optional<Content> findByIdAndServiceRef(Long id, Long serviceRef);

	/**
	 * The largest sort order among the contents of the API, or {@code null} when it has
	 * none.
	 */
	@Query("select max(c.sortOrder) from Content c where c.apiRef = :apiRef")
	Integer findMaxSortOrder(Long apiRef);

}
