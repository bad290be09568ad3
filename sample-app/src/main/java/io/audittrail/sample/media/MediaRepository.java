package io.audittrail.sample.media;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MediaRepository extends JpaRepository<Media, Long> {

	Optional<Media> findByIdAndServiceRef(Long id, Long serviceRef);

	Optional<Media> findByUrlAndServiceRef(String url, Long serviceRef);

	List<Media> findByServiceRefOrderById(Long serviceRef);

}
