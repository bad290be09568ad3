package io.audittrail.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import io.audittrail.core.Action;
import io.audittrail.core.AuditEvent;

/**
 * What one transaction has to write to the audit log when it completes. Used by one thread.
 */
final class PendingEvents {

	final List<AuditEvent> succeeded = new ArrayList<>();

	final List<AuditEvent> failed = new ArrayList<>();

	final List<EntityChange> changes = new ArrayList<>();

	LongSupplier revision;

	EventContext revisionContext;

	int depth;

	boolean tenantNamed;

	String tenant;

	boolean covered;

	boolean hooked;

	boolean flushed;

	Long revisionId() {
		return (this.revision != null) ? this.revision.getAsLong() : null;
	}

	record EntityChange(String entityType, String entityId, Action action) {

	}

}
