package io.audittrail.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.audittrail.core.AuditEvent;

/**
 * What one transaction has to write to the audit log when it completes, with what the
 * transaction tells about it: its revision, its changed entities and the audited calls
 * under way in it. Used by one thread.
 */
final class PendingEvents {

	/** Events of successful calls, written just before the transaction commits. */
	final List<AuditEvent> succeeded = new ArrayList<>();

	/** Events of failed calls, written once the transaction has completed. */
	final List<AuditEvent> failed = new ArrayList<>();

	/** Ranges of {@link #succeeded} that callers want back as stored, with their ids. */
	final List<Wanted> wanted = new ArrayList<>();

	final RevisionBinding revision = new RevisionBinding();

	final ChangedEntities entities = new ChangedEntities();

	/**
	 * The audited calls under way in the transaction, counted by
	 * {@link AuditedCallDepth}.
	 */
	int callDepth;

	/**
	 * Whether the commit hook writes the events, rather than Spring's
	 * {@code beforeCommit}.
	 */
	boolean hooked;

	boolean flushed;

	/** A range of the succeeded events that a consumer wants back as stored. */
	record Wanted(int from, int count, Consumer<List<AuditEvent>> consumer) {

		void handOver(List<AuditEvent> stored) {
			this.consumer.accept(stored.subList(this.from, this.from + this.count));
		}

	}

}
