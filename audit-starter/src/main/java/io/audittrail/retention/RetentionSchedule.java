package io.audittrail.retention;

import java.util.concurrent.ScheduledFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

import io.audittrail.background.BackgroundSchedule;

/**
 * Runs retention on a cron schedule, on a scheduler thread of its own, from the
 * application's start to its stop. The cron expression {@code "-"} disables the schedule.
 */
final class RetentionSchedule extends BackgroundSchedule {

	/** The cron expression that disables the schedule. */
	public static final String DISABLED = "-";

	private static final Log logger = LogFactory.getLog(RetentionSchedule.class);

	private final RetentionJob job;

	private final String cron;

	/**
	 * @throws IllegalArgumentException naming {@code audit.retention.cron} if the
	 * expression is invalid
	 */
	public RetentionSchedule(RetentionJob job, String cron) {
		super("audit-retention-");
		if (!DISABLED.equals(cron) && (cron == null || !CronExpression.isValidExpression(cron))) {
			throw new IllegalArgumentException("audit.retention.cron is not a valid cron expression: '" + cron
					+ "' (six fields: second minute hour day month weekday, or '-' to disable)");
		}
		this.job = job;
		this.cron = cron;
	}

	@Override
	protected ScheduledFuture<?> schedule(TaskScheduler scheduler) {
		return DISABLED.equals(this.cron) ? null : scheduler.schedule(this::purgeQuietly, new CronTrigger(this.cron));
	}

	private void purgeQuietly() {
		try {
			this.job.purge();
		}
		catch (RuntimeException ex) {
			logger.error("Audit retention failed; it runs again on its next schedule", ex);
		}
	}

}
