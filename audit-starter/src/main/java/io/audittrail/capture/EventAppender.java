package io.audittrail.capture;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.transaction.support.TransactionOperations;

import io.audittrail.core.AuditEvent;
import io.audittrail.core.AuditEventStore;
import io.audittrail.core.FailurePolicy;

/**
 * Appends events to the store under the failure policy: what cannot be written fails the
 * business call under {@code fail}, or is logged and counted in {@code audit.events.lost}
 * under {@code log}; failures of calls are never allowed to fail anything. Thread-safe.
 */
final class EventAppender {

	// the category applications already configure for lost events
	private static final Log logger = LogFactory.getLog(TransactionalEventWriter.class);

	private final AuditEventStore store;

	private final FailurePolicy policy;

	private final TransactionOperations ownTransaction;

	private final Counter lost;

	/**
	 * @param store where events go
	 * @param policy what happens to a business call whose audit cannot be written
	 * @param ownTransaction runs work in a new transaction; may be {@code null}
	 * @param meters where the count of lost events goes; may be {@code null}
	 */
	EventAppender(AuditEventStore store, FailurePolicy policy, TransactionOperations ownTransaction,
			MeterRegistry meters) {
		this.store = store;
		this.policy = policy;
		this.ownTransaction = ownTransaction;
		this.lost = (meters != null) ? Counter.builder("audit.events.lost")
			.description("Audit events that could not be written under the failure policy 'log'")
			.register(meters) : null;
	}

	/** Appends events of successful calls in the current transaction, if any. */
	void append(List<AuditEvent> events) {
		write(events, false);
	}

	/**
	 * Appends events like {@link #append(List)} and returns them as stored, with their
	 * ids; {@code null} when they were lost under the policy {@code log}.
	 */
	List<AuditEvent> appendReturningIds(List<AuditEvent> events) {
		return write(events, true);
	}

	/**
	 * Appends events of successful calls that no transaction surrounds, in a transaction
	 * of their own if possible.
	 */
	void appendAlone(List<AuditEvent> events) {
		appendInOwnTransaction(events, false);
	}

	/**
	 * Appends events like {@link #appendAlone(List)} and returns them as stored, or
	 * {@code null} when lost.
	 */
	List<AuditEvent> appendAloneReturningIds(List<AuditEvent> events) {
		return appendInOwnTransaction(events, true);
	}

	private List<AuditEvent> appendInOwnTransaction(List<AuditEvent> events, boolean withIds) {
		if (this.ownTransaction != null) {
			return this.ownTransaction.execute((status) -> write(events, withIds));
		}
		return write(events, withIds);
	}

	private List<AuditEvent> write(List<AuditEvent> events, boolean withIds) {
		try {
			if (withIds) {
				return this.store.appendReturningIds(events);
			}
			this.store.append(events);
			return events;
		}
		catch (RuntimeException ex) {
			if (this.policy == FailurePolicy.FAIL) {
				throw (ex instanceof AuditRecordingException) ? ex
						: new AuditRecordingException("Cannot write " + events.size() + " audit event(s)", ex);
			}
			lose(events.size(), ex);
			return null;
		}
	}

	/**
	 * Appends events of failed calls in a transaction of their own if possible; what
	 * cannot be written is lost.
	 */
	void appendFailures(List<AuditEvent> events) {
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

	/**
	 * Handles an audited call that could not be turned into events: rethrown under the
	 * policy {@code fail}, logged and counted under {@code log}.
	 */
	void recordingFailed(RuntimeException ex) {
		if (this.policy == FailurePolicy.FAIL) {
			throw ex;
		}
		lose(1, ex);
	}

	/**
	 * Handles the failure of an audited call that could not be recorded at all, such as
	 * one whose operation cannot be computed: logged and counted, whatever the policy,
	 * since the call's own exception goes on.
	 */
	void failureNotRecorded(String method, RuntimeException ex) {
		if (this.lost != null) {
			this.lost.increment();
		}
		logger.error("Cannot record the failed call of " + method + "; 1 audit event lost", ex);
	}

	private void lose(int count, RuntimeException ex) {
		if (this.lost != null) {
			this.lost.increment(count);
		}
		logger.error("Lost " + count + " audit event(s)", ex);
	}

}
