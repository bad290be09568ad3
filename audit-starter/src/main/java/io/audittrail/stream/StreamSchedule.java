package io.audittrail.stream;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.TaskScheduler;

import io.audittrail.background.BackgroundSchedule;

/**
 * Runs the relay at a fixed delay on a scheduler thread of its own, from the
 * application's start to its stop. A broker outage is logged once, then retried at every
 * interval.
 */
final class StreamSchedule extends BackgroundSchedule {

	private static final Log logger = LogFactory.getLog(StreamSchedule.class);

	private final KafkaRelay relay;

	private final Duration interval;

	private final Runnable closeProducer;

	private volatile boolean failing;

	StreamSchedule(KafkaRelay relay, Duration interval, Runnable closeProducer) {
		super("audit-stream-");
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("audit.stream.kafka.interval must be positive, not " + interval);
		}
		this.relay = relay;
		this.interval = interval;
		this.closeProducer = closeProducer;
	}

	@Override
	public synchronized void stop() {
		super.stop();
		this.closeProducer.run();
	}

	@Override
	protected ScheduledFuture<?> schedule(TaskScheduler scheduler) {
		return scheduler.scheduleWithFixedDelay(this::publishQuietly, this.interval);
	}

	private void publishQuietly() {
		try {
			this.relay.publish(() -> !isStopping());
			if (this.failing) {
				logger.info("Publishing audit events to Kafka again");
				this.failing = false;
			}
		}
		catch (RuntimeException ex) {
			if (!this.failing) {
				logger
					.warn("Cannot publish audit events to Kafka now; they stay in the audit log and are retried every "
							+ this.interval, ex);
				this.failing = true;
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("Still cannot publish audit events to Kafka", ex);
			}
		}
	}

}
