package io.audittrail.benchmarks.read;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.springframework.context.ConfigurableApplicationContext;

import io.audittrail.benchmarks.app.Database;
import io.audittrail.core.TenantScope;
import io.audittrail.export.CsvExporter;
import io.audittrail.integrity.AuditIntegrity;
import io.audittrail.integrity.IntegrityReport;
import io.audittrail.store.EventFilter;
import io.audittrail.store.EventQuery;

/**
 * Reading the log of {@value AuditLogSeed#EVENTS} sealed events through the starter's own
 * query, export and verification code, as a reader who sees every tenant: the list's
 * first page with two filters, the CSV export of every event (in a JVM of
 * {@value #EXPORT_HEAP}, with the growth of its heap measured by
 * {@link HeapGrowthProfiler}: H2 keeps its page cache in the same heap, and in a JVM of
 * 64 MB the H2 export ran out of memory), and the verification of every chain. The
 * warm-up iterations of the export and the verification cover one tenant, a tenth of the
 * log, which is enough to compile the code and keeps the run short.
 */
@State(Scope.Benchmark)
public class ReadBenchmark {

	/** The heap of the CSV export's JVM. */
	public static final String EXPORT_HEAP = "1g";

	static final int PAGE_SIZE = 50;

	@Param({ "H2", "POSTGRESQL" })
	public Database database;

	private ConfigurableApplicationContext context;

	private EventQuery events;

	private CsvExporter exporter;

	private AuditIntegrity integrity;

	private boolean warmup;

	/** Whether the include pattern of a run selects any of these benchmarks. */
	public static boolean selectedBy(Pattern include) {
		return Stream.of("firstPage", "export", "verify")
			.anyMatch((method) -> include.matcher(ReadBenchmark.class.getName() + "." + method).find());
	}

	@Setup(Level.Trial)
	public void start() {
		AuditLogSeed.ensure(this.database);
		this.context = ReadApplication.start(this.database);
		this.events = this.context.getBean(EventQuery.class);
		this.exporter = this.context.getBean(CsvExporter.class);
		this.integrity = this.context.getBean(AuditIntegrity.class);
	}

	@Setup(Level.Iteration)
	public void iteration(IterationParams iteration) {
		this.warmup = iteration.getType() == IterationType.WARMUP;
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public EventQuery.EventPage firstPage(Filters filters) {
		return this.events.page(filters.next(), TenantScope.everything(), null, PAGE_SIZE);
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.SECONDS)
	@Fork(jvmArgs = { "-Xms" + EXPORT_HEAP, "-Xmx" + EXPORT_HEAP })
	public long export() throws IOException {
		CountingOutputStream csv = new CountingOutputStream();
		// the period the export endpoint requires, here covering every event
		EventFilter all = new EventFilter(GeneratedEvents.START, GeneratedEvents.END, null, null, null, null, null,
				null, this.warmup ? GeneratedEvents.tenant(1) : null, null, null, null, null, null);
		long rows = this.exporter.write(csv, all, TenantScope.everything(), Locale.ENGLISH);
		if (this.warmup ? rows < AuditLogSeed.EVENTS / 20 : rows != AuditLogSeed.EVENTS) {
			throw new IllegalStateException("The export wrote " + rows + " rows, not " + AuditLogSeed.EVENTS);
		}
		return csv.count();
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public IntegrityReport verify() {
		IntegrityReport report = this.warmup ? this.integrity.verify(GeneratedEvents.tenant(1))
				: this.integrity.verify();
		long expected = this.warmup ? report.checked() : AuditLogSeed.EVENTS;
		if (!report.verified() || report.checked() != expected || report.checked() == 0 || report.unsealed() != 0) {
			throw new IllegalStateException(
					"Verification of the " + AuditLogSeed.EVENTS + " sealed events did not pass: " + report);
		}
		return report;
	}

	/**
	 * The two filters of the list's first page, with values that change from call to
	 * call.
	 */
	@State(Scope.Benchmark)
	public static class Filters {

		@Param({ "TENANT_OPERATION", "TENANT_ACTOR" })
		public Pair pair;

		private int call;

		@Setup(Level.Trial)
		public void check(ReadBenchmark benchmark) {
			for (int i = 0; i < GeneratedEvents.TENANTS; i++) {
				int size = benchmark.firstPage(this).items().size();
				if (size != PAGE_SIZE) {
					throw new IllegalStateException("The first page of " + this.pair + " holds " + size + " entries");
				}
			}
		}

		EventFilter next() {
			int call = this.call++;
			String tenant = GeneratedEvents.tenant(1 + call % GeneratedEvents.TENANTS);
			return switch (this.pair) {
				case TENANT_OPERATION -> new EventFilter(null, null, null, null, null,
						GeneratedEvents.operation(call % 3), null, null, tenant, null, null, null, null, null);
				case TENANT_ACTOR -> new EventFilter(null, null,
						GeneratedEvents.memberId(1 + call % GeneratedEvents.TENANTS,
								1 + call % GeneratedEvents.MEMBERS),
						null, null, null, null, null, tenant, null, null, null, null, null);
			};
		}

		/** Which two filters the list is asked for. */
		public enum Pair {

			/** A tenant and an operation. */
			TENANT_OPERATION,

			/** A tenant and a member (by id). */
			TENANT_ACTOR

		}

	}

}
