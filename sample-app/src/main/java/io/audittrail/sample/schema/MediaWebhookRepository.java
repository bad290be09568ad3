package io.audittrail.sample.schema;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MediaWebhookRepository extends JpaRepository<MediaWebhook, Long> {

	Optional<MediaWebhook> findByIdAndServiceRef(Long id, Long serviceRef);

}
