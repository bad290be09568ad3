package io.audittrail.sample.media;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MediaTagRepository extends JpaRepository<MediaTag, Long> {

}
