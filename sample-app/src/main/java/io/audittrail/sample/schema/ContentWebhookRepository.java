package io.audittrail.sample.schema;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ContentWebhookRepository extends JpaRepository<ContentWebhook, Long> {

	Optional<ContentWebhook> findByIdAndServiceRef(Long id, Long serviceRef);

}
