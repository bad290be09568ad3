package io.audittrail.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

import io.audittrail.store.SealedEvent;
import io.audittrail.store.SealedEventSource.Chain;
import io.audittrail.store.SealedEventSource;
import io.audittrail.store.StreamPositions.Publishing;
import io.audittrail.store.StreamPositions;

/**
 * Publishes sealed events to a Kafka topic, chain by chain in position order. Each batch
 * is sent while the chain's position is locked in the audit database, and the position
 * advances to the last event the broker acknowledged with none missing before it; what
 * the broker did not acknowledge is sent again at the next pass. Events are therefore
 * published at least once and in order; twice only when the broker stored a record whose
 * acknowledgement was lost (a crash or a timeout), with the same tenant and position.
 */
final class KafkaRelay {

	private static final Log logger = LogFactory.getLog(KafkaRelay.class);

	private final SealedEventSource source;

	private final StreamPositions positions;

	private final KafkaOperations<String, String> kafka;

	private final Runnable resetProducer;

	private final EventRecords records;

	private final String topic;

	private final int batchSize;

	private final Duration sendTimeout;

	private final StreamMetrics metrics;

	private final ReentrantLock running = new ReentrantLock();

	/**
	 * @param source where sealed events are read
	 * @param positions where the published positions are kept
	 * @param kafka sends the records
	 * @param resetProducer closes the producer after a failure, so that the next pass
	 * starts afresh
	 * @param records turns events into records
	 * @param topic the topic, also the destination of the positions
	 * @param batchSize how many events are sent per transaction on the positions
	 * @param sendTimeout how long a batch may wait for the broker's acknowledgements
	 * @param metrics the relay's meters
	 */
	KafkaRelay(SealedEventSource source, StreamPositions positions, KafkaOperations<String, String> kafka,
			Runnable resetProducer, EventRecords records, String topic, int batchSize, Duration sendTimeout,
			StreamMetrics metrics) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("audit.stream.kafka.batch-size must be at least 1, not " + batchSize);
		}
		if (sendTimeout == null || sendTimeout.isNegative() || sendTimeout.isZero()) {
			throw new IllegalArgumentException("audit.stream.kafka.send-timeout must be positive, not " + sendTimeout);
		}
		this.source = source;
		this.positions = positions;
		this.kafka = kafka;
		this.resetProducer = resetProducer;
		this.records = records;
		this.topic = topic;
		this.batchSize = batchSize;
		this.sendTimeout = sendTimeout;
		this.metrics = metrics;
	}

	/**
	 * Publishes what every chain has sealed since its position, batch after batch while
	 * {@code goOn} says so. Chains another relay is publishing are skipped.
	 * @return how many events the broker acknowledged in this call
	 * @throws StreamPublishingException when the broker did not acknowledge a batch; what
	 * it acknowledged before stays published
	 */
	int publish(BooleanSupplier goOn) {
		this.running.lock();
		try {
			Map<String, Long> published = this.positions.positions(this.topic);
			int count = 0;
			for (Chain chain : this.source.chains()) {
				long position = published.getOrDefault(chain.key(), 0L);
				this.metrics.lag(chain.key(), chain.lastPosition() - position);
				if (chain.lastPosition() > position && goOn.getAsBoolean()) {
					count += publishChain(chain, goOn);
				}
			}
			return count;
		}
		finally {
			this.running.unlock();
		}
	}

	private int publishChain(Chain chain, BooleanSupplier goOn) {
		Batch batch;
		int count = 0;
		do {
			batch = new Batch();
			boolean ran = this.positions.publish(this.topic, chain.key(), batch.bind(chain));
			count += batch.acknowledged;
			if (!ran) {
				return count;
			}
			this.metrics.lag(chain.key(), chain.lastPosition() - batch.reached);
			if (batch.failure != null) {
				this.metrics.failed();
				this.resetProducer.run();
				throw new StreamPublishingException("Kafka did not acknowledge audit event " + batch.failedPosition
						+ " of chain " + chain.key() + " on topic " + this.topic, batch.failure);
			}
		}
		while (batch.full && goOn.getAsBoolean());
		return count;
	}

	/** One batch of a chain: sent, then acknowledged up to {@link #reached}. */
	private final class Batch {

		private int acknowledged;

		private long reached;

		private boolean full;

		private long failedPosition;

		private Throwable failure;

		Publishing bind(Chain chain) {
			return (from) -> publish(chain, from);
		}

		private long publish(Chain chain, long from) {
			this.reached = from;
			List<SealedEvent> events = KafkaRelay.this.source.after(chain, from, KafkaRelay.this.batchSize);
			this.full = events.size() == KafkaRelay.this.batchSize;
			long deadline = System.nanoTime() + KafkaRelay.this.sendTimeout.toNanos();
			List<CompletableFuture<SendResult<String, String>>> sent = new ArrayList<>(events.size());
			for (SealedEvent event : events) {
				CompletableFuture<SendResult<String, String>> future = send(event);
				sent.add(future);
				// the broker is unreachable: later records would only wait for the same
				// timeout
				if (future.isCompletedExceptionally()) {
					break;
				}
			}
			for (int i = 0; i < sent.size(); i++) {
				try {
					sent.get(i).get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
				}
				catch (ExecutionException ex) {
					return failed(events.get(i), ex.getCause());
				}
				catch (TimeoutException ex) {
					return failed(events.get(i), ex);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return failed(events.get(i), ex);
				}
				this.reached = events.get(i).position();
				this.acknowledged++;
			}
			if (sent.size() < events.size()) {
				return failed(events.get(sent.size()), new IllegalStateException("Not sent"));
			}
			KafkaRelay.this.metrics.published(this.acknowledged);
			if (logger.isTraceEnabled() && !events.isEmpty()) {
				logger.trace(
						"Published chain " + chain.key() + " up to " + this.reached + " to " + KafkaRelay.this.topic);
			}
			return this.reached;
		}

		private CompletableFuture<SendResult<String, String>> send(SealedEvent event) {
			try {
				return KafkaRelay.this.kafka.send(KafkaRelay.this.records.record(event));
			}
			catch (RuntimeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		}

		private long failed(SealedEvent event, Throwable failure) {
			this.failedPosition = event.position();
			this.failure = failure;
			this.full = false;
			KafkaRelay.this.metrics.published(this.acknowledged);
			return this.reached;
		}

	}

}
