package io.audittrail.benchmarks;

import java.time.Duration;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import io.audittrail.benchmarks.app.BenchmarkApplication;
import io.audittrail.benchmarks.app.Database;
import io.audittrail.benchmarks.app.InvoiceService;
import io.audittrail.benchmarks.app.Mode;

/**
 * Runs the writes of every mode in this JVM for a while before any of them is measured,
 * so that the write benchmarks, which run in this JVM too, measure code the JIT compiler
 * has finished with. On two cores, a fresh JVM per benchmark spends seconds compiling
 * Spring, Hibernate and the auditing code on the core the database needs, and the mode
 * with the most code pays most.
 */
final class WriteWarmUp {

	private WriteWarmUp() {
	}

	static void run(List<Database> databases, List<Integer> sizes, Duration perMode) {
		for (Database database : databases) {
			for (Mode mode : Mode.values()) {
				try (ConfigurableApplicationContext context = BenchmarkApplication.start(database, mode)) {
					InvoiceService service = context.getBean(InvoiceService.class);
					long end = System.nanoTime() + perMode.toNanos();
					for (int round = 1; System.nanoTime() < end; round++) {
						for (int size : sizes) {
							Long id = service.create(size);
							service.update(id, round);
							service.delete(id);
						}
					}
				}
			}
		}
	}

}
