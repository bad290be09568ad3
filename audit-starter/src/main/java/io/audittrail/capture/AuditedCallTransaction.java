package io.audittrail.capture;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * Runs an audited call that no transaction surrounds in a transaction of its own, so that
 * the repositories it calls join it: its entity changes make one Envers revision, and its
 * event is written with that revision and commits with it. Without it, each repository
 * call would commit its own revision, recorded apart from the call's event. Thread-safe.
 */
final class AuditedCallTransaction {

	private final SingletonSupplier<Optional<TransactionOperations>> transactions;

	/**
	 * @param transactionManager finds the transaction manager, or returns {@code null}
	 * when there is none
	 */
	AuditedCallTransaction(Supplier<PlatformTransactionManager> transactionManager) {
		this.transactions = SingletonSupplier
			.of(() -> Optional.ofNullable(transactionManager.get()).map(TransactionTemplate::new));
	}

	/**
	 * Performs the call, in a new transaction when none is under way and a transaction
	 * manager exists.
	 */
	Object run(Call work) throws Throwable {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			return work.perform();
		}
		Optional<TransactionOperations> transactions = this.transactions.get();
		if (transactions.isEmpty()) {
			return work.perform();
		}
		try {
			return transactions.get().execute((status) -> {
				try {
					return work.perform();
				}
				catch (RuntimeException | Error ex) {
					throw ex;
				}
				catch (Throwable ex) {
					throw new CheckedFailure(ex);
				}
			});
		}
		catch (CheckedFailure ex) {
			throw ex.getCause();
		}
	}

	/** The work done in the transaction. */
	@FunctionalInterface
	interface Call {

		Object perform() throws Throwable;

	}

	/**
	 * Carries a checked exception of the call through the transaction, which rolls back.
	 */
	private static final class CheckedFailure extends RuntimeException {

		CheckedFailure(Throwable cause) {
			super(cause);
		}

	}

}
