package io.audittrail.capture;

import java.util.function.LongSupplier;

import io.audittrail.core.Action;

/**
 * Notes each revision and changed entity in the pending events of the current
 * transaction; outside a transaction there is nothing to bind them to. Thread-safe.
 */
final class TransactionRevisions implements RevisionRecorder {

	private final TransactionalEventWriter writer;

	TransactionRevisions(TransactionalEventWriter writer) {
		this.writer = writer;
	}

	@Override
	public EventContext revisionCreated(LongSupplier revisionId, EventContext context) {
		PendingEvents pending = this.writer.current();
		return (pending != null) ? pending.revision.created(revisionId, context) : context;
	}

	@Override
	public void entityChanged(String entityType, String entityId, Action action) {
		PendingEvents pending = this.writer.current();
		if (pending != null) {
			pending.entities.changed(entityType, entityId, action);
		}
	}

}
