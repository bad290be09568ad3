package io.audittrail.capture;

import java.util.function.LongSupplier;

import io.audittrail.core.Action;

/**
 * Where the Envers revision listener reports the current transaction's revision and the
 * entities changed in it, so that the transaction's events reference the revision and
 * entity changes that no audited call covers are recorded too. Thread-safe.
 */
interface RevisionRecorder {

	/**
	 * Notes that the current transaction has a revision.
	 * @param revisionId the revision's number, read when the transaction's events are
	 * written
	 * @param context the context of the call that made the revision
	 * @return the context to record the revision with: the given one, in the tenant an
	 * audited call of the transaction named, if any
	 */
	EventContext revisionCreated(LongSupplier revisionId, EventContext context);

	/** Notes that an entity changed in the current transaction's revision. */
	void entityChanged(String entityType, String entityId, Action action);

	/**
	 * The recorder that binds revisions to the events the given writer holds for each
	 * transaction.
	 */
	static RevisionRecorder of(TransactionalEventWriter writer) {
		return new TransactionRevisions(writer);
	}

}
