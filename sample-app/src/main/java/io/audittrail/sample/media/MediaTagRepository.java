package io.audittrail.sample.media;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MediaTagRepository extends JpaRepository<MediaTag, Long> {

	Optional<MediaTag> findByIdAndServiceRef(Long id, Long serviceRef);

}
