package io.audittrail.benchmarks.stream;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import io.audittrail.benchmarks.app.BenchmarkApplication;
import io.audittrail.benchmarks.app.Database;
import io.audittrail.benchmarks.app.InvoiceService;
import io.audittrail.benchmarks.app.Mode;

import static org.openjdk.jmh.annotations.Mode.Throughput;

/**
 * The write benchmark's {@code AUDIT_TRAIL} creates of a 3-entity invoice, with the
 * starter's Kafka relay publishing every sealed event to a real broker (Spring for Apache
 * Kafka's embedded KRaft broker, in the benchmark's JVM) and a consumer reading the
 * records back, all with the starter's default intervals. {@link RelayProfiler} adds the
 * events per second the consumer read and the relay's lag gauge. A trial fails unless,
 * once the writes stop, the consumer reads every sealed event exactly once and in chain
 * order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StreamBenchmark {

	/** The topic the relay publishes to. */
	static final String TOPIC = "audit-events";

	private static final int SIZE = 3;

	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * The benchmark's state while a trial runs, for {@link RelayProfiler}; {@code null}
	 * otherwise.
	 */
	static volatile StreamBenchmark running;

	@Param({ "H2", "POSTGRESQL" })
	public Database database;

	private EmbeddedKafkaKraftBroker broker;

	private ConfigurableApplicationContext context;

	private InvoiceService service;

	private TopicReader reader;

	private MeterRegistry meters;

	/** Whether the include pattern of a run selects this benchmark. */
	public static boolean selectedBy(Pattern include) {
		return include.matcher(StreamBenchmark.class.getName() + ".write").find();
	}

	@Setup(Level.Trial)
	public void start() {
		this.broker = new EmbeddedKafkaKraftBroker(1, 2);
		this.broker.afterPropertiesSet();
		this.broker.addTopics(new NewTopic(TOPIC, 2, (short) 1));
		this.context = BenchmarkApplication.start(this.database, Mode.AUDIT_TRAIL, "bench_stream",
				Map.of("audit.stream.kafka.enabled", "true", "audit.stream.kafka.topic", TOPIC,
						"spring.kafka.bootstrap-servers", this.broker.getBrokersAsString(),
						BenchmarkApplication.METERS_PROPERTY, "true"));
		this.service = this.context.getBean(InvoiceService.class);
		this.meters = this.context.getBean(MeterRegistry.class);
		this.reader = new TopicReader(this.broker.getBrokersAsString(), TOPIC);
		running = this;
	}

	@Benchmark
	public Long write() {
		return this.service.create(SIZE);
	}

	@TearDown(Level.Trial)
	public void stop() throws InterruptedException {
		running = null;
		try {
			drain();
		}
		finally {
			this.reader.close();
			this.context.close();
			this.broker.destroy();
		}
	}

	/** Records the consumer has read so far. */
	long published() {
		return this.reader.records();
	}

	/**
	 * The relay's lag gauge summed over the chains: sealed events the broker has not
	 * acknowledged.
	 */
	double lag() {
		return this.meters.find("audit.stream.lag").gauges().stream().mapToDouble(Gauge::value).sum();
	}

	private void drain() throws InterruptedException {
		JdbcTemplate jdbc = new JdbcTemplate(this.context.getBean(DataSource.class));
		long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
		long events;
		long sealed;
		do {
			Thread.sleep(100);
			events = jdbc.queryForObject("select count(*) from audit_event", Long.class);
			sealed = jdbc.queryForObject("select count(*) from audit_seal", Long.class);
		}
		while ((sealed < events || this.reader.records() < sealed) && System.nanoTime() < deadline);
		if (sealed < events || this.reader.records() != sealed || this.reader.disorder() != null) {
			throw new IllegalStateException("Of " + events + " events, " + sealed + " were sealed and "
					+ this.reader.records() + " read from the topic"
					+ ((this.reader.disorder() != null) ? "; " + this.reader.disorder() : ""));
		}
	}

}
