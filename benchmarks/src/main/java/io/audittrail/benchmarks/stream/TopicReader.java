package io.audittrail.benchmarks.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer of the relay's topic on a thread of its own, from the topic's start: counts
 * the records and checks that each chain's positions follow one another, as a consumer
 * that dedupes on (tenant, position) would see them.
 */
final class TopicReader implements AutoCloseable {

	private static final String POSITION = "audit-position";

	private static final String CHAIN = "audit-chain";

	private final KafkaConsumer<String, String> consumer;

	private final Thread thread;

	private final AtomicLong records = new AtomicLong();

	private final Map<String, Long> positions = new HashMap<>();

	private volatile String disorder;

	private volatile boolean stopping;

	TopicReader(String bootstrapServers, String topic) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "stream-benchmark-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
		this.consumer.subscribe(List.of(topic));
		this.thread = new Thread(this::read, "stream-benchmark-reader");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** How many records have been read. */
	long records() {
		return this.records.get();
	}

	/** The first record out of its chain's order, described, or {@code null}. */
	String disorder() {
		return this.disorder;
	}

	private void read() {
		try {
			while (!this.stopping) {
				for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(100))) {
					check(value(record, CHAIN), Long.parseLong(value(record, POSITION)));
					this.records.incrementAndGet();
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close(Duration.ofSeconds(5));
		}
	}

	private void check(String chain, long position) {
		Long previous = this.positions.put(chain, position);
		long expected = (previous != null) ? previous + 1 : 1;
		if (position != expected && this.disorder == null) {
			this.disorder = "chain " + chain + " has position " + position + " where " + expected + " was expected";
		}
	}

	private static String value(ConsumerRecord<String, String> record, String header) {
		Header value = record.headers().lastHeader(header);
		if (value == null) {
			throw new IllegalStateException("A record has no " + header + " header");
		}
		return new String(value.value(), StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws InterruptedException {
		this.stopping = true;
		this.consumer.wakeup();
		this.thread.join(10_000);
	}

}
