package io.audittrail.capture;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.AuditEventStore;
import io.audittrail.core.FailurePolicy;

/**
 * Writes events with the transaction of the business change: successful operations are
 * written just before it commits, bound to its Envers revision, so that both commit or
 * neither does; failures are written in a transaction of their own once it has completed,
 * so that a rollback keeps them. Outside a transaction, events are written at once. Holds
 * one {@code PendingEvents} per transaction.
 */
final class TransactionalEventWriter {

	private static final String ROLLED_BACK = "TransactionRolledBack";

	private final EventAppender appender;

	private final UnannotatedChangeEvents unannotated;

	private final CommitHook commitHook;

	/**
	 * @param store where events go
	 * @param catalog the catalog, for operations of entity changes no audited call covers
	 * @param settings the failure policy and what to record
	 * @param ownTransaction runs work in a new transaction, for failures; may be
	 * {@code null}
	 * @param commitHook the hook that binds writes to the persistence provider's commit;
	 * may be {@code null}
	 * @param meters where the count of lost events goes; may be {@code null}
	 * @param clock the clock for events of unannotated entity changes
	 * @param requests the HTTP request part of events of unannotated entity changes
	 */
	TransactionalEventWriter(AuditEventStore store, OperationCatalog catalog, Settings settings,
			TransactionOperations ownTransaction, CommitHook commitHook, MeterRegistry meters, Clock clock,
			RequestCapture requests) {
		this.appender = new EventAppender(store, settings.failurePolicy(), ownTransaction, meters);
		this.unannotated = new UnannotatedChangeEvents(catalog, settings.recordUnannotated(), clock, requests);
		this.commitHook = commitHook;
	}

	/**
	 * Writes already-built events of successful operations with the current transaction
	 * (just before it commits, bound to its revision; as failures if it rolls back), or
	 * at once without one.
	 */
	public void write(List<AuditEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		if (inTransaction()) {
			pending().succeeded.addAll(events);
		}
		else {
			this.appender.appendAlone(events);
		}
	}

	/**
	 * Writes events like {@link #write(List)} and hands them, as stored with their ids,
	 * to {@code stored} once they are written; not when they are lost under the policy
	 * {@code log}.
	 */
	void write(List<AuditEvent> events, Consumer<List<AuditEvent>> stored) {
		if (events.isEmpty()) {
			return;
		}
		if (inTransaction()) {
			PendingEvents pending = pending();
			pending.wanted.add(new PendingEvents.Wanted(pending.succeeded.size(), events.size(), stored));
			pending.succeeded.addAll(events);
		}
		else {
			List<AuditEvent> written = this.appender.appendAloneReturningIds(events);
			if (written != null) {
				stored.accept(written);
			}
		}
	}

	/**
	 * Writes events of failed calls once the current transaction has completed, or at
	 * once.
	 */
	void writeFailures(List<AuditEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		if (inTransaction()) {
			pending().failed.addAll(events);
		}
		else {
			this.appender.appendFailures(events);
		}
	}

	/** Has the current transaction's revision, if any, recorded in the given tenant. */
	void actInTenant(String tenant) {
		PendingEvents pending = current();
		if (pending != null) {
			pending.revision.actInTenant(tenant);
		}
	}

	/** Where events are appended, under the failure policy. */
	EventAppender appender() {
		return this.appender;
	}

	/**
	 * Whether a transaction (or a transaction synchronization) is under way on this
	 * thread.
	 */
	boolean inTransaction() {
		return TransactionSynchronizationManager.isSynchronizationActive();
	}

	/**
	 * The pending events of the current transaction, created on first use; {@code null}
	 * outside transactions.
	 */
	PendingEvents current() {
		return inTransaction() ? pending() : null;
	}

	/** The pending events of the current transaction if it has any yet. */
	PendingEvents bound() {
		return (PendingEvents) TransactionSynchronizationManager.getResource(this);
	}

	private PendingEvents pending() {
		PendingEvents pending = bound();
		if (pending == null) {
			PendingEvents created = new PendingEvents();
			TransactionSynchronizationManager.bindResource(this, created);
			TransactionSynchronizationManager.registerSynchronization(new Completion(created));
			if (this.commitHook != null && TransactionSynchronizationManager.isActualTransactionActive()) {
				created.hooked = this.commitHook.register(() -> writePending(created));
			}
			pending = created;
		}
		return pending;
	}

	private void writePending(PendingEvents pending) {
		if (pending.flushed) {
			return;
		}
		pending.flushed = true;
		Long revision = pending.revision.id();
		List<AuditEvent> events = new ArrayList<>(pending.succeeded.size());
		for (AuditEvent event : pending.succeeded) {
			events.add((revision != null) ? event.withRevision(revision) : event);
		}
		if (events.isEmpty()) {
			events.addAll(this.unannotated.events(pending, revision));
		}
		if (pending.wanted.isEmpty()) {
			if (!events.isEmpty()) {
				this.appender.append(events);
			}
			return;
		}
		List<AuditEvent> stored = this.appender.appendReturningIds(events);
		if (stored != null) {
			pending.wanted.forEach((wanted) -> wanted.handOver(stored));
		}
	}

	/**
	 * Writes the transaction's events before it commits, unless the commit hook does, and
	 * its failures after.
	 */
	private final class Completion implements TransactionSynchronization {

		private final PendingEvents pending;

		Completion(PendingEvents pending) {
			this.pending = pending;
		}

		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResourceIfPossible(TransactionalEventWriter.this);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(TransactionalEventWriter.this, this.pending);
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			if (!this.pending.hooked) {
				writePending(this.pending);
			}
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(TransactionalEventWriter.this);
			List<AuditEvent> failures = new ArrayList<>(this.pending.failed);
			if (status != STATUS_COMMITTED) {
				this.pending.succeeded.forEach((event) -> failures.add(event.asFailure(ROLLED_BACK)));
			}
			if (!failures.isEmpty()) {
				TransactionalEventWriter.this.appender.appendFailures(failures);
			}
		}

	}

	/**
	 * How the writer behaves.
	 *
	 * @param failurePolicy what happens to a business call whose audit cannot be written
	 * @param recordUnannotated whether entity changes that no audited call covers are
	 * recorded
	 */
	public record Settings(FailurePolicy failurePolicy, boolean recordUnannotated) {

	}

}
