package io.audittrail.sample.support;

import java.util.Map;

/**
 * One row of the {@code audit_event} table.
 */
public record StoredEvent(long id, String tenant, String operation, String target, String action, String outcome,
		String actorType, String actorId, String actorName, String entityType, String entityId, String entityName,
		Map<String, String> details) {

}
