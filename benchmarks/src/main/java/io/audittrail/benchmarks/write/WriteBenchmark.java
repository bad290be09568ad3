package io.audittrail.benchmarks.write;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.ConfigurableApplicationContext;

import io.audittrail.benchmarks.app.BenchmarkApplication;
import io.audittrail.benchmarks.app.Database;
import io.audittrail.benchmarks.app.InvoiceService;
import io.audittrail.benchmarks.app.Mode;

import static org.openjdk.jmh.annotations.Mode.Throughput;

/**
 * One JPA write transaction per operation (create, update or delete of an invoice with
 * its lines, {@code size} entities in all), in each audit mode and database, with one
 * thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WriteBenchmark {

	@Param({ "H2", "POSTGRESQL" })
	public Database database;

	@Param({ "NONE", "ENVERS", "JAVERS", "AUDIT_TRAIL" })
	public Mode mode;

	@Param({ "3", "13" })
	public int size;

	private ConfigurableApplicationContext context;

	InvoiceService service;

	private Long updated;

	private int round;

	@Setup(Level.Trial)
	public void start() {
		this.context = BenchmarkApplication.start(this.database, this.mode);
		this.service = this.context.getBean(InvoiceService.class);
		this.updated = this.service.create(this.size);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public Long create() {
		return this.service.create(this.size);
	}

	@Benchmark
	public void update() {
		this.service.update(this.updated, ++this.round);
	}

	@Benchmark
	public void delete(Graph graph) {
		this.service.delete(graph.id);
	}

	/**
	 * An invoice created before each call of {@link WriteBenchmark#delete(Graph)},
	 * outside the measured time.
	 */
	@State(Scope.Thread)
	public static class Graph {

		Long id;

		@Setup(Level.Invocation)
		public void create(WriteBenchmark benchmark) {
			this.id = benchmark.service.create(benchmark.size);
		}

	}

}
