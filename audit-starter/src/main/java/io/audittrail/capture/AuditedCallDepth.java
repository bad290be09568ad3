package io.audittrail.capture;

/**
 * Counts the audited calls under way in the current transaction, or on the thread outside
 * transactions, so that a call inside another audited call can be told from an outer one.
 * A call in a transaction of its own is never nested, since its change commits on its
 * own.
 */
final class AuditedCallDepth {

	private static final ThreadLocal<int[]> OUTSIDE_TRANSACTIONS = ThreadLocal.withInitial(() -> new int[1]);

	private final TransactionalEventWriter writer;

	/**
	 * @param writer holds what each transaction knows, including its calls under way
	 */
	AuditedCallDepth(TransactionalEventWriter writer) {
		this.writer = writer;
	}

	/**
	 * Enters an audited call and tells how many audited calls are already under way
	 * around it.
	 */
	int enter() {
		PendingEvents pending = this.writer.current();
		if (pending == null) {
			return OUTSIDE_TRANSACTIONS.get()[0]++;
		}
		return pending.callDepth++;
	}

	/** Leaves the audited call entered by the matching {@link #enter()}. */
	void exit() {
		if (this.writer.inTransaction()) {
			PendingEvents pending = this.writer.bound();
			if (pending != null) {
				pending.callDepth--;
			}
		}
		else {
			OUTSIDE_TRANSACTIONS.get()[0]--;
		}
	}

}
