package io.audittrail.integrity;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.TaskScheduler;

import io.audittrail.background.BackgroundSchedule;

/**
 * Runs the sealer at a fixed delay on a scheduler thread of its own, from the
 * application's start to its stop, so that the application needs no scheduling set-up of
 * its own.
 */
final class SealingSchedule extends BackgroundSchedule {

	private static final Log logger = LogFactory.getLog(SealingSchedule.class);

	private final ChainSealer sealer;

	private final Duration interval;

	private volatile boolean failing;

	public SealingSchedule(ChainSealer sealer, Duration interval) {
		super("audit-sealer-");
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("audit.integrity.seal-interval must be positive, not " + interval);
		}
		this.sealer = sealer;
		this.interval = interval;
	}

	@Override
	protected ScheduledFuture<?> schedule(TaskScheduler scheduler) {
		return scheduler.scheduleWithFixedDelay(this::sealQuietly, this.interval);
	}

	private void sealQuietly() {
		try {
			this.sealer.seal(() -> !isStopping());
			if (this.failing) {
				logger.info("Sealing audit events again");
				this.failing = false;
			}
		}
		catch (RuntimeException ex) {
			// warn once per outage, not at every interval
			if (!this.failing) {
				logger.warn("Cannot seal audit events now; retrying every " + this.interval, ex);
				this.failing = true;
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("Still cannot seal audit events", ex);
			}
		}
	}

}
