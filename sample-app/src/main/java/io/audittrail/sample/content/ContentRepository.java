package io.audittrail.sample.content;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ContentRepository extends JpaRepository<Content, Long> {

	Optional<Content> findByApiRefAndContentId(Long apiRef, String contentId);

	List<Content> findByApiRefOrderBySortOrderAscIdAsc(Long apiRef);

	Optional<Content> findByIdAndServiceRef(Long id, Long serviceRef);

}
