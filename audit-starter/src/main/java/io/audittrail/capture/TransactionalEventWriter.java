package io.audittrail.capture;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.catalog.OperationDefinition;
import io.audittrail.core.Action;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.AuditEventStore;
import io.audittrail.core.EntityRef;
import io.audittrail.core.Outcome;
import io.audittrail.core.RequestInfo;

/**
 * Writes events with the transaction of the business change: successful operations are written just
 * before it commits, bound to its Envers revision, so that both commit or neither does; failures
 * are written in a transaction of their own once it has completed, so that a rollback keeps them.
 * Outside a transaction, events are written at once.
 */
public final class TransactionalEventWriter {

	private static final Log logger = LogFactory.getLog(TransactionalEventWriter.class);

	private static final String ROLLED_BACK = "TransactionRolledBack";

	private static final ThreadLocal<int[]> DEPTH_OUTSIDE_TRANSACTIONS = ThreadLocal.withInitial(() -> new int[1]);

	private final AuditEventStore store;

	private final OperationCatalog catalog;

	private final Settings settings;

	private final TransactionOperations ownTransaction;

	private final CommitHook commitHook;

	private final Counter lost;

	private final Clock clock;

	private final RequestCapture requests;

	/**
	 * @param store where events go
	 * @param catalog the catalog, for operations of entity changes no audited call covers
	 * @param settings the failure policy and what to record
	 * @param ownTransaction runs work in a new transaction, for failures; may be {@code null}
	 * @param commitHook the hook that binds writes to the persistence provider's commit; may be {@code null}
	 * @param meters where the count of lost events goes; may be {@code null}
	 * @param clock the clock for events of unannotated entity changes
	 */
	public TransactionalEventWriter(AuditEventStore store, OperationCatalog catalog, Settings settings,
			TransactionOperations ownTransaction, CommitHook commitHook, MeterRegistry meters, Clock clock) {
		this(store, catalog, settings, ownTransaction, commitHook, meters, clock, RequestCapture.none());
	}

	/**
	 * @param store where events go
	 * @param catalog the catalog, for operations of entity changes no audited call covers
	 * @param settings the failure policy and what to record
	 * @param ownTransaction runs work in a new transaction, for failures; may be {@code null}
	 * @param commitHook the hook that binds writes to the persistence provider's commit; may be {@code null}
	 * @param meters where the count of lost events goes; may be {@code null}
	 * @param clock the clock for events of unannotated entity changes
	 * @param requests the HTTP request part of events of unannotated entity changes
	 */
	public TransactionalEventWriter(AuditEventStore store, OperationCatalog catalog, Settings settings,
			TransactionOperations ownTransaction, CommitHook commitHook, MeterRegistry meters, Clock clock,
			RequestCapture requests) {
		this.requests = requests;
		this.store = store;
		this.catalog = catalog;
		this.settings = settings;
		this.ownTransaction = ownTransaction;
		this.commitHook = commitHook;
		this.lost = (meters != null) ? Counter.builder("audit.events.lost")
			.description("Audit events that could not be written under the failure policy 'log'")
			.register(meters) : null;
		this.clock = clock;
	}

	/**
	 * Enters an audited call and tells how many audited calls of the same transaction (or, outside
	 * transactions, of the same thread) are already under way. A call in a transaction of its own is
	 * never nested, since its change commits on its own.
	 */
	public int enterCall() {
		int[] depth = TransactionSynchronizationManager.isSynchronizationActive() ? null : DEPTH_OUTSIDE_TRANSACTIONS.get();
		if (depth != null) {
			return depth[0]++;
		}
		return pending().depth++;
	}

	/** Leaves the audited call entered by the matching {@link #enterCall()}. */
	public void exitCall() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			PendingEvents pending = (PendingEvents) TransactionSynchronizationManager.getResource(this);
			if (pending != null) {
				pending.depth--;
			}
		}
		else {
			DEPTH_OUTSIDE_TRANSACTIONS.get()[0]--;
		}
	}

	/** Writes events of successful calls with the current transaction, or at once without one. */
	public void write(List<AuditEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			pending().succeeded.addAll(events);
		}
		else if (this.ownTransaction != null) {
			this.ownTransaction.executeWithoutResult((status) -> append(events));
		}
		else {
			append(events);
		}
	}

	/**
	 * Writes events like {@link #write(List)} and hands them, as stored with their ids, to the given
	 * consumer once they are written; it is not called when they are lost under the policy {@code log}.
	 */
	public void write(List<AuditEvent> events, Consumer<List<AuditEvent>> stored) {
		if (events.isEmpty()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			PendingEvents pending = pending();
			pending.stored.add(new PendingEvents.Stored(pending.succeeded.size(), events.size(), stored));
			pending.succeeded.addAll(events);
			return;
		}
		List<PendingEvents.Stored> wanted = List.of(new PendingEvents.Stored(0, events.size(), stored));
		if (this.ownTransaction != null) {
			this.ownTransaction.executeWithoutResult((status) -> append(events, wanted));
		}
		else {
			append(events, wanted);
		}
	}

	/**
	 * Tells the writer that an audited call of the current transaction decided not to record itself,
	 * so that its entity changes are not recorded as generic operations either.
	 */
	public void coverEntityChanges() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			pending().covered = true;
		}
	}

	/** Writes events of failed calls once the current transaction has completed, or at once. */
	public void writeFailures(List<AuditEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			pending().failed.addAll(events);
		}
		else {
			appendFailures(events);
		}
	}

	/**
	 * Handles an audited call that could not be turned into events: rethrown under the policy
	 * {@code fail}, logged and counted under {@code log}.
	 */
	public void recordingFailed(RuntimeException ex) {
		if (this.settings.failurePolicy() == FailurePolicy.FAIL) {
			throw ex;
		}
		lose(1, ex);
	}

	/**
	 * Handles the failure of an audited call that could not be recorded at all, such as one whose
	 * operation cannot be computed: logged and counted, whatever the policy, since the call's own
	 * exception goes on.
	 */
	public void failureNotRecorded(String method, RuntimeException ex) {
		if (this.lost != null) {
			this.lost.increment();
		}
		logger.error("Cannot record the failed call of " + method + "; 1 audit event lost", ex);
	}

	/**
	 * Tells the writer that an audited call of the current transaction acts in the given tenant, so
	 * that the transaction's revision is recorded in it too.
	 */
	public void actInTenant(String tenant) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			PendingEvents pending = pending();
			pending.tenantNamed = true;
			pending.tenant = tenant;
		}
	}

	/**
	 * Tells the writer that the current transaction has an Envers revision.
	 * @return the context to record the revision with: the given one, in the tenant an audited call
	 * named, if any
	 */
	public EventContext revisionCreated(LongSupplier revisionId, EventContext context) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return context;
		}
		PendingEvents pending = pending();
		EventContext revisionContext = pending.tenantNamed ? context.inTenant(pending.tenant) : context;
		pending.revision = revisionId;
		pending.revisionContext = revisionContext;
		return revisionContext;
	}

	/** Tells the writer that an entity changed in the current transaction's revision. */
	public void entityChanged(String entityType, String entityId, Action action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			pending().entityChanged(new PendingEvents.EntityChange(entityType, entityId, action));
		}
	}

	private PendingEvents pending() {
		PendingEvents pending = (PendingEvents) TransactionSynchronizationManager.getResource(this);
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
		Long revision = pending.revisionId();
		List<AuditEvent> events = new ArrayList<>(pending.succeeded.size());
		for (AuditEvent event : pending.succeeded) {
			events.add((revision != null) ? event.withRevision(revision) : event);
		}
		if (events.isEmpty() && !pending.covered && this.settings.recordUnannotated() && pending.revisionContext != null) {
			events.addAll(entityEvents(pending, revision));
		}
		if (!events.isEmpty()) {
			append(events, pending.stored);
		}
	}

	private List<AuditEvent> entityEvents(PendingEvents pending, Long revision) {
		EventContext context = pending.revisionContext;
		RequestInfo request = pending.changes().isEmpty() ? null : this.requests.recordCurrentRequest();
		List<AuditEvent> events = new ArrayList<>(pending.changes().size());
		for (PendingEvents.EntityChange change : pending.changes()) {
			OperationDefinition operation = this.catalog.entityOperation(change.entityType(), change.action());
			events.add(new AuditEvent(null, this.clock.instant(), context.tenant(), operation.id(), operation.target(),
					operation.action(), Outcome.SUCCESS, context.actor(), context.origin().ip(),
					new EntityRef(change.entityType(), change.entityId(), null), null, null,
					context.origin().requestId(), revision, request, context.trace()));
		}
		return events;
	}

	private void append(List<AuditEvent> events) {
		try {
			this.store.append(events);
		}
		catch (RuntimeException ex) {
			if (this.settings.failurePolicy() == FailurePolicy.FAIL) {
				throw (ex instanceof AuditRecordingException) ? ex
						: new AuditRecordingException("Cannot write " + events.size() + " audit event(s)", ex);
			}
			lose(events.size(), ex);
		}
	}

	/** Appends events of which some are wanted back as stored, by the consumers of their ranges. */
	private void append(List<AuditEvent> events, List<PendingEvents.Stored> wanted) {
		if (wanted.isEmpty()) {
			append(events);
			return;
		}
		List<AuditEvent> stored;
		try {
			stored = this.store.appendReturningIds(events);
		}
		catch (RuntimeException ex) {
			if (this.settings.failurePolicy() == FailurePolicy.FAIL) {
				throw (ex instanceof AuditRecordingException) ? ex
						: new AuditRecordingException("Cannot write " + events.size() + " audit event(s)", ex);
			}
			lose(events.size(), ex);
			return;
		}
		for (PendingEvents.Stored range : wanted) {
			range.consumer().accept(stored.subList(range.from(), range.from() + range.count()));
		}
	}

	private void appendFailures(List<AuditEvent> events) {
		try {
			if (this.ownTransaction != null) {
				this.ownTransaction.executeWithoutResult((status) -> this.store.append(events));
			}
			else {
				this.store.append(events);
			}
		}
		catch (RuntimeException ex) {
			lose(events.size(), ex);
		}
	}

	private void lose(int count, RuntimeException ex) {
		if (this.lost != null) {
			this.lost.increment(count);
		}
		logger.error("Lost " + count + " audit event(s)", ex);
	}

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
				appendFailures(failures);
			}
		}

	}

	/**
	 * How the writer behaves.
	 *
	 * @param failurePolicy what happens to a business call whose audit cannot be written
	 * @param recordUnannotated whether entity changes that no audited call covers are recorded
	 */
	public record Settings(FailurePolicy failurePolicy, boolean recordUnannotated) {

	}

}
