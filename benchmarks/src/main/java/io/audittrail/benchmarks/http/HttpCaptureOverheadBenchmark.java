package io.audittrail.benchmarks.http;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.context.WebApplicationContext;

import io.audittrail.benchmarks.app.Database;

/**
 * The time of one API request, with one thread, without request capture and with it: the
 * difference is what capture adds to a request. The events are built on the writer's
 * thread (body parsed and masked) but not stored, so that a full queue never makes the
 * request wait: how fast entries are stored is {@link HttpRecordingBenchmark}'s question.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HttpCaptureOverheadBenchmark {

	@Param({ "OFF", "WITHOUT_BODY", "WITH_BODY" })
	public Capture capture;

	private ConfigurableApplicationContext context;

	private OrderRequests requests;

	@Setup(Level.Trial)
	public void start() throws Exception {
		this.context = HttpCaptureApplication.start(Database.H2, this.capture, true);
		this.requests = new OrderRequests((WebApplicationContext) this.context);
		this.requests.warmUp();
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public void request() throws Exception {
		this.requests.send();
	}

}
