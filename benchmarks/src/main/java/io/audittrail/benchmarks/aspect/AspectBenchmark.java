package io.audittrail.benchmarks.aspect;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An {@code @Audited} call that writes nothing (a store that discards, no transaction)
 * against the same call without the proxy: the difference is the aspect's cost (SpEL,
 * catalog, actor, event).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AspectBenchmark {

	private ConfigurableApplicationContext context;

	private PricingService audited;

	private final PricingService plain = new PricingService();

	private long invoice;

	@Setup(Level.Trial)
	public void start() {
		this.context = AspectApplication.start();
		this.audited = this.context.getBean(PricingService.class);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public long auditedCall() {
		return this.audited.price(++this.invoice, 3);
	}

	@Benchmark
	public long plainCall() {
		return this.plain.price(++this.invoice, 3);
	}

}
