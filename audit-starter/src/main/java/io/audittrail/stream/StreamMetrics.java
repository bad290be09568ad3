package io.audittrail.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * The relay's meters: {@code audit.stream.published} (events the broker acknowledged),
 * {@code audit.stream.failures} (publishing passes the broker failed) and
 * {@code audit.stream.lag} (sealed events not yet acknowledged, per chain), all tagged
 * with the topic. Thread-safe.
 */
final class StreamMetrics {

	private final MeterRegistry meters;

	private final String topic;

	private final Counter published;

	private final Counter failures;

	private final Map<String, AtomicLong> lags = new ConcurrentHashMap<>();

	/**
	 * @param meters where the meters go; {@code null} for nowhere
	 */
	StreamMetrics(MeterRegistry meters, String topic) {
		this.meters = (meters != null) ? meters : new CompositeMeterRegistry();
		this.topic = topic;
		this.published = Counter.builder("audit.stream.published")
			.description("Audit events the broker acknowledged")
			.tag("topic", topic)
			.register(this.meters);
		this.failures = Counter.builder("audit.stream.failures")
			.description("Publishing attempts of audit events that the broker did not acknowledge")
			.tag("topic", topic)
			.register(this.meters);
	}

	void published(int count) {
		this.published.increment(count);
	}

	void failed() {
		this.failures.increment();
	}

	void lag(String chain, long lag) {
		this.lags.computeIfAbsent(chain, (key) -> {
			AtomicLong value = new AtomicLong();
			Gauge.builder("audit.stream.lag", value, AtomicLong::get)
				.description("Sealed audit events of the chain not yet acknowledged by the broker")
				.tags("topic", this.topic, "chain", key)
				.register(this.meters);
			return value;
		}).set(Math.max(lag, 0));
	}

}
