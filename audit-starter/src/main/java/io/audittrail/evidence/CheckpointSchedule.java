package io.audittrail.evidence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.TaskScheduler;

import io.audittrail.background.BackgroundSchedule;
import io.audittrail.store.ChainStore;
import io.audittrail.store.SignedCheckpoint;

/**
 * Issues a checkpoint of every chain that grew, at a fixed delay on a scheduler thread of
 * its own, and on demand; one issuing at a time in this application.
 */
final class CheckpointSchedule extends BackgroundSchedule {

	private static final Log logger = LogFactory.getLog(CheckpointSchedule.class);

	private final CheckpointIssuer issuer;

	private final ChainStore chains;

	private final Duration interval;

	private volatile boolean failing;

	public CheckpointSchedule(CheckpointIssuer issuer, ChainStore chains, Duration interval) {
		super("audit-checkpoints-");
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("audit.integrity.checkpoint-interval must be positive, not " + interval);
		}
		this.issuer = issuer;
		this.chains = chains;
		this.interval = interval;
	}

	/**
	 * Issues a checkpoint of every chain sealed beyond its latest checkpoint, now.
	 * @return the checkpoints issued
	 * @throws IllegalStateException when a chain no longer extends its latest checkpoint
	 * (after issuing those of the other chains)
	 */
	public synchronized List<SignedCheckpoint> issueNow() {
		List<SignedCheckpoint> issued = new ArrayList<>();
		IllegalStateException failure = null;
		for (ChainStore.ChainHead head : this.chains.heads()) {
			try {
				this.issuer.issue(head.tenant()).ifPresent(issued::add);
			}
			catch (IllegalStateException ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
		return issued;
	}

	/**
	 * Issues a checkpoint of one chain now, if it grew; {@code null} is the system-level
	 * chain.
	 */
	public synchronized Optional<SignedCheckpoint> issueNow(String tenant) {
		return this.issuer.issue(tenant);
	}

	@Override
	protected ScheduledFuture<?> schedule(TaskScheduler scheduler) {
		return scheduler.scheduleWithFixedDelay(this::issueQuietly, this.interval);
	}

	private void issueQuietly() {
		try {
			List<SignedCheckpoint> issued = issueNow();
			if (this.failing) {
				logger.info("Issuing audit checkpoints again");
				this.failing = false;
			}
			if (logger.isDebugEnabled() && !issued.isEmpty()) {
				logger.debug("Issued " + issued.size() + " audit checkpoint(s)");
			}
		}
		catch (RuntimeException ex) {
			// warn once per outage, not at every interval
			if (!this.failing) {
				logger.warn("Cannot issue audit checkpoints now; retrying every " + this.interval, ex);
				this.failing = true;
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("Still cannot issue audit checkpoints", ex);
			}
		}
	}

}
