package io.audittrail.capture;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.catalog.OperationDefinition;
import io.audittrail.core.Actor;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.Outcome;
import io.audittrail.core.RequestInfo;

/**
 * Records the operations the starter performs itself ({@code audit.export},
 * {@code audit.revert}, {@code audit.retention.purge}) the way calls of {@code @Audited}
 * methods are recorded: the catalog defines the operation, the
 * {@link EventContextResolver} says who, from where and in which trace, and the
 * {@link TransactionalEventWriter} writes the entry, each operation in a transaction of
 * its own. Every method returns the entry as stored, with its id. Thread-safe.
 */
@API(status = Status.INTERNAL, since = "0.2")
public final class StarterOperations {

	private final OperationCatalog catalog;

	private final EventContextResolver contexts;

	private final TransactionalEventWriter writer;

	private final AuditedCallDepth calls;

	private final TransactionOperations newTransaction;

	private final boolean recordFailures;

	private final Clock clock;

	/**
	 * @param catalog defines the operations
	 * @param contexts resolves who performs an operation, from where and in which trace
	 * @param writer writes the entries, as it writes those of audited calls
	 * @param transactionManager runs each operation in a transaction of its own; may be
	 * {@code null}
	 * @param recordFailures whether an operation whose work throws is recorded as a
	 * failure
	 * @param clock the clock entries are dated with
	 */
	public StarterOperations(OperationCatalog catalog, EventContextResolver contexts, TransactionalEventWriter writer,
			PlatformTransactionManager transactionManager, boolean recordFailures, Clock clock) {
		this.catalog = catalog;
		this.contexts = contexts;
		this.writer = writer;
		this.calls = new AuditedCallDepth(writer);
		this.newTransaction = (transactionManager != null) ? newTransaction(transactionManager)
				: TransactionOperations.withoutTransaction();
		this.recordFailures = recordFailures;
		this.clock = clock;
	}

	private static TransactionOperations newTransaction(PlatformTransactionManager transactionManager) {
		TransactionTemplate template = new TransactionTemplate(transactionManager);
		template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return template;
	}

	/**
	 * Records an operation the starter has performed.
	 * @return the entry as stored; empty when it could not be written and the failure
	 * policy {@code log} let the operation go on
	 */
	public Optional<AuditEvent> record(StarterOperation operation) {
		Instant occurredAt = this.clock.instant();
		AtomicReference<AuditEvent> stored = new AtomicReference<>();
		this.newTransaction.executeWithoutResult((status) -> this.writer.write(List.of(entry(operation, occurredAt)),
				(written) -> stored.set(written.get(0))));
		return Optional.ofNullable(stored.get());
	}

	/**
	 * Performs an operation's work and records it, both in one new transaction: the entry
	 * is bound to the transaction's Envers revision, which is recorded in the operation's
	 * tenant, and commits with the work or not at all. Work that throws is recorded as a
	 * failure (unless failures are not recorded), after its transaction has rolled back,
	 * and its exception goes on.
	 * @return the entry as stored; empty when it could not be written and the failure
	 * policy {@code log} let the operation go on
	 */
	public Optional<AuditEvent> perform(StarterOperation operation, Runnable work) {
		AtomicReference<AuditEvent> stored = new AtomicReference<>();
		this.newTransaction.executeWithoutResult((status) -> {
			Instant startedAt = this.clock.instant();
			this.calls.enter();
			try {
				this.writer.actInTenant(operation.tenant());
				try {
					work.run();
				}
				catch (RuntimeException | Error ex) {
					recordFailure(operation, startedAt, ex);
					throw ex;
				}
				this.writer.write(List.of(entry(operation, startedAt)), (written) -> stored.set(written.get(0)));
			}
			finally {
				this.calls.exit();
			}
		});
		return Optional.ofNullable(stored.get());
	}

	private void recordFailure(StarterOperation operation, Instant startedAt, Throwable ex) {
		if (!this.recordFailures) {
			return;
		}
		try {
			this.writer.writeFailures(List.of(entry(operation, startedAt).asFailure(ex.getClass().getName())));
		}
		catch (RuntimeException recordingFailure) {
			this.writer.appender().failureNotRecorded(operation.operation(), recordingFailure);
		}
	}

	/** The entry of an operation; the current HTTP request, if any, is recorded by it. */
	private AuditEvent entry(StarterOperation operation, Instant occurredAt) {
		OperationDefinition definition = this.catalog.find(operation.operation())
			.orElseThrow(() -> new IllegalStateException(
					"The audit catalog lacks the operation '" + operation.operation() + "' of the starter"));
		for (String detail : operation.details().keySet()) {
			if (!definition.details().contains(detail)) {
				throw new IllegalStateException("The audit catalog does not list the detail '" + detail
						+ "' for the operation '" + definition.id() + "'");
			}
		}
		EventContext context = this.contexts.current().inTenant(operation.tenant());
		Actor actor = operation.bySystem() ? Actor.system() : context.actor();
		RequestInfo request = this.contexts.recordRequest();
		return new AuditEvent(null, occurredAt, context.tenant(), definition.id(), definition.target(),
				definition.action(), Outcome.SUCCESS, actor, context.origin().ip(), null, operation.details(), null,
				context.origin().requestId(), null, request, context.trace());
	}

}
