package io.audittrail.benchmarks.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.WebApplicationContext;

import io.audittrail.benchmarks.app.Database;
import io.audittrail.benchmarks.http.HttpCaptureApplication.CommittedEvents;
import javax.sql.DataSource;

/**
 * Requests recorded per second: each operation is a round of {@value #ROUND} API requests
 * sent by a thread, which ends when the audit writer has committed every request sent so
 * far. The score counts requests, so it is the rate at which requests are recorded, not
 * merely accepted; when the writer is slower than the requests, its queue fills, requests
 * wait for space and the score is the writer's rate. At the end, the rows in
 * {@code audit_event} must be exactly the requests sent and
 * {@code audit.http.entries.lost} zero, else the benchmark fails.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
public class HttpRecordingBenchmark {

	static final int ROUND = 500;

	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

	@Param({ "H2", "POSTGRESQL" })
	public Database database;

	@Param({ "WITHOUT_BODY", "WITH_BODY" })
	public Capture capture;

	private ConfigurableApplicationContext context;

	private OrderRequests requests;

	private CommittedEvents committed;

	private final LongAdder sent = new LongAdder();

	@Setup(Level.Trial)
	public void start() throws Exception {
		this.context = HttpCaptureApplication.start(this.database, this.capture);
		this.requests = new OrderRequests((WebApplicationContext) this.context);
		this.committed = this.context.getBean(CommittedEvents.class);
		this.sent.add(this.requests.warmUp());
		awaitRecorded(this.sent.sum());
	}

	@TearDown(Level.Trial)
	public void stop() {
		try {
			awaitRecorded(this.sent.sum());
			verifyEverythingRecorded();
		}
		finally {
			this.context.close();
		}
	}

	@Benchmark
	@OperationsPerInvocation(ROUND)
	public void recordedRequests() throws Exception {
		for (int i = 0; i < ROUND; i++) {
			this.requests.send();
			this.sent.increment();
		}
		awaitRecorded(this.sent.sum());
	}

	private void awaitRecorded(long requests) {
		long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
		while (this.committed.count() < requests) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Only " + this.committed.count() + " of " + requests
						+ " requests were recorded within " + DRAIN_TIMEOUT);
			}
			LockSupport.parkNanos(100_000);
		}
	}

	private void verifyEverythingRecorded() {
		long rows = new JdbcTemplate(this.context.getBean(DataSource.class))
			.queryForObject("select count(*) from audit_event where operation = 'http.request'", Long.class);
		Counter lost = this.context.getBean(MeterRegistry.class).find("audit.http.entries.lost").counter();
		double lostCount = (lost != null) ? lost.count() : Double.NaN;
		if (rows != this.sent.sum() || lostCount != 0) {
			throw new IllegalStateException(this.sent.sum() + " requests sent but " + rows + " rows in audit_event and "
					+ lostCount + " counted in audit.http.entries.lost");
		}
	}

}
