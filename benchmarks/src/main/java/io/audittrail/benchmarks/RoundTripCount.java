package io.audittrail.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import org.springframework.context.ConfigurableApplicationContext;

import io.audittrail.benchmarks.app.BenchmarkApplication;
import io.audittrail.benchmarks.app.Database;
import io.audittrail.benchmarks.app.InvoiceService;
import io.audittrail.benchmarks.app.JdbcRoundTrips;
import io.audittrail.benchmarks.app.Mode;

/**
 * Counts the JDBC round trips (statements, batches, commits) of each benchmarked write
 * transaction: a figure that, unlike throughput, does not depend on the load of the
 * machine.
 */
final class RoundTripCount {

	static final int TRANSACTIONS = 10;

	/**
	 * The round trips of one transaction of an operation, in a mode and database, for a
	 * graph size.
	 */
	record Count(Database database, Mode mode, String operation, int size, double perTransaction) {
	}

	private RoundTripCount() {
	}

	static List<Count> measure(List<Database> databases, List<Integer> sizes) {
		List<Count> counts = new ArrayList<>();
		for (Database database : databases) {
			for (Mode mode : Mode.values()) {
				try (ConfigurableApplicationContext context = BenchmarkApplication.start(database, mode, true)) {
					InvoiceService service = context.getBean(InvoiceService.class);
					JdbcRoundTrips roundTrips = context.getBean(JdbcRoundTrips.class);
					for (int size : sizes) {
						service.update(service.create(size), 0);
						counts.add(count(database, mode, "create", size, roundTrips, (i) -> service.create(size)));
						Long updated = service.create(size);
						counts
							.add(count(database, mode, "update", size, roundTrips, (i) -> service.update(updated, i)));
						List<Long> deleted = new ArrayList<>();
						for (int i = 0; i < TRANSACTIONS; i++) {
							deleted.add(service.create(size));
						}
						counts.add(count(database, mode, "delete", size, roundTrips,
								(i) -> service.delete(deleted.get(i - 1))));
					}
				}
			}
		}
		return counts;
	}

	private static Count count(Database database, Mode mode, String operation, int size, JdbcRoundTrips roundTrips,
			IntConsumer transaction) {
		roundTrips.reset();
		for (int i = 0; i < TRANSACTIONS; i++) {
			transaction.accept(i + 1);
		}
		return new Count(database, mode, operation, size, (double) roundTrips.count() / TRANSACTIONS);
	}

}
