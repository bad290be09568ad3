package io.audittrail.sample.schema;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ContentWebhookRepository extends JpaRepository<ContentWebhook, Long> {

}
