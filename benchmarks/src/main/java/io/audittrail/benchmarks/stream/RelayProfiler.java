package io.audittrail.benchmarks.stream;

import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The relay's figures during each iteration of {@link StreamBenchmark}: the events per
 * second the consumer read back ({@value #PUBLISHED}), and the relay's lag gauge sampled
 * every {@value #SAMPLE_MILLIS} ms, its mean ({@value #LAG_MEAN}) and largest value
 * ({@value #LAG_MAX}). Other benchmarks are left alone.
 */
public final class RelayProfiler implements InternalProfiler {

	/** The name of the published events per second. */
	public static final String PUBLISHED = "relay.published";

	/** The name of the mean lag. */
	public static final String LAG_MEAN = "relay.lag.mean";

	/** The name of the largest lag. */
	public static final String LAG_MAX = "relay.lag.max";

	private static final long SAMPLE_MILLIS = 50;

	private Sampler sampler;

	@Override
	public String getDescription() {
		return "Events per second the Kafka relay published end to end, and its lag";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		if (measured(benchmarkParams)) {
			this.sampler = new Sampler();
			this.sampler.start();
		}
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
			IterationResult result) {
		if (!measured(benchmarkParams) || this.sampler == null) {
			return List.of();
		}
		Sampler done = this.sampler;
		this.sampler = null;
		done.finish();
		return List.of(new ScalarResult(PUBLISHED, done.publishedPerSecond(), "events/s", AggregationPolicy.AVG),
				new ScalarResult(LAG_MEAN, done.lagMean(), "events", AggregationPolicy.AVG),
				new ScalarResult(LAG_MAX, done.lagMax(), "events", AggregationPolicy.MAX));
	}

	private static boolean measured(BenchmarkParams benchmarkParams) {
		return benchmarkParams.getBenchmark().startsWith(StreamBenchmark.class.getName() + ".");
	}

	/**
	 * Samples the running benchmark until finished; the first sample that sees it starts
	 * the clock.
	 */
	private static final class Sampler extends Thread {

		private volatile boolean finished;

		private long firstNanos;

		private long firstPublished = -1;

		private long lastNanos;

		private long lastPublished;

		private double lagSum;

		private double lagMax;

		private long samples;

		Sampler() {
			super("relay-profiler");
			setDaemon(true);
		}

		@Override
		public void run() {
			while (!this.finished) {
				sample();
				try {
					Thread.sleep(SAMPLE_MILLIS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

		private synchronized void sample() {
			StreamBenchmark benchmark = StreamBenchmark.running;
			if (benchmark == null) {
				return;
			}
			long now = System.nanoTime();
			long published = benchmark.published();
			if (this.firstPublished < 0) {
				this.firstNanos = now;
				this.firstPublished = published;
			}
			this.lastNanos = now;
			this.lastPublished = published;
			double lag = benchmark.lag();
			this.lagSum += lag;
			this.lagMax = Math.max(this.lagMax, lag);
			this.samples++;
		}

		void finish() {
			this.finished = true;
			interrupt();
			try {
				join(1_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			sample();
		}

		synchronized double publishedPerSecond() {
			double seconds = (this.lastNanos - this.firstNanos) / 1e9;
			return (seconds > 0) ? (this.lastPublished - this.firstPublished) / seconds : Double.NaN;
		}

		synchronized double lagMax() {
			return this.lagMax;
		}

		synchronized double lagMean() {
			return (this.samples > 0) ? this.lagSum / this.samples : Double.NaN;
		}

	}

}
