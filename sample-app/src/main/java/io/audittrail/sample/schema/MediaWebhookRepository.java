package io.audittrail.sample.schema;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MediaWebhookRepository extends JpaRepository<MediaWebhook, Long> {

}
