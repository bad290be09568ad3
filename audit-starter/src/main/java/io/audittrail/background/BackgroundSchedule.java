package io.audittrail.background;

import java.util.concurrent.ScheduledFuture;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs one recurring piece of work of the starter on a scheduler thread of its own, from the
 * application's start to its stop, so that the application needs no scheduling set-up of its own.
 */
public abstract class BackgroundSchedule implements SmartLifecycle {

	private final String threadNamePrefix;

	private ThreadPoolTaskScheduler scheduler;

	private ScheduledFuture<?> task;

	/** @param threadNamePrefix the prefix of the scheduler thread's name, such as {@code "audit-sealer-"} */
	protected BackgroundSchedule(String threadNamePrefix) {
		this.threadNamePrefix = threadNamePrefix;
	}

	/**
	 * Schedules the work on the given scheduler.
	 * @return the scheduled task, or {@code null} when the work is switched off
	 */
	protected abstract ScheduledFuture<?> schedule(TaskScheduler scheduler);

	@Override
	public synchronized void start() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix(this.threadNamePrefix);
		scheduler.setDaemon(true);
		scheduler.initialize();
		ScheduledFuture<?> task = schedule(scheduler);
		if (task == null) {
			scheduler.shutdown();
			return;
		}
		this.scheduler = scheduler;
		this.task = task;
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

}
