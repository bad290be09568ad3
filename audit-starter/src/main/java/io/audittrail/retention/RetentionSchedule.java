package io.audittrail.retention;

import java.util.concurrent.ScheduledFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs retention on a cron schedule, on a scheduler thread of its own, from the application's start
 * to its stop. The cron expression {@code "-"} disables the schedule.
 */
public final class RetentionSchedule implements SmartLifecycle {

	/** The cron expression that disables the schedule. */
	public static final String DISABLED = "-";

	private static final Log logger = LogFactory.getLog(RetentionSchedule.class);

	private final RetentionJob job;

	private final String cron;

	private ThreadPoolTaskScheduler scheduler;

	private ScheduledFuture<?> task;

	/**
	 * @throws IllegalArgumentException naming {@code audit.retention.cron} if the expression is invalid
	 */
	public RetentionSchedule(RetentionJob job, String cron) {
		if (!DISABLED.equals(cron) && (cron == null || !CronExpression.isValidExpression(cron))) {
			throw new IllegalArgumentException("audit.retention.cron is not a valid cron expression: '" + cron
					+ "' (six fields: second minute hour day month weekday, or '-' to disable)");
		}
		this.job = job;
		this.cron = cron;
	}

	@Override
	public synchronized void start() {
		if (DISABLED.equals(this.cron)) {
			return;
		}
		this.scheduler = new ThreadPoolTaskScheduler();
		this.scheduler.setThreadNamePrefix("audit-retention-");
		this.scheduler.setDaemon(true);
		this.scheduler.initialize();
		this.task = this.scheduler.schedule(this::purgeQuietly, new CronTrigger(this.cron));
	}

	@Override
	public synchronized void stop() {
		if (this.task != null) {
			this.task.cancel(false);
			this.task = null;
		}
		if (this.scheduler != null) {
			this.scheduler.shutdown();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.task != null;
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
