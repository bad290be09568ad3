package io.audittrail.background;

import java.util.concurrent.ScheduledFuture;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs one recurring piece of work of the starter on a scheduler thread of its own, from
 * the application's start to its stop, so that the application needs no scheduling set-up
 * of its own. Stopping lets a run under way finish (work in batches should check
 * {@link #isStopping()} between them) rather than interrupting it in the middle of a
 * database call.
 */
@API(status = Status.INTERNAL, since = "0.2")
public abstract class BackgroundSchedule implements SmartLifecycle {

	/** How long stopping waits for a run under way. */
	private static final int STOP_TIMEOUT_SECONDS = 30;

	private final String threadNamePrefix;

	private ThreadPoolTaskScheduler scheduler;

	private ScheduledFuture<?> task;

	private volatile boolean stopping;

	/**
	 * @param threadNamePrefix the prefix of the scheduler thread's name, such as
	 * {@code "audit-sealer-"}
	 */
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
		scheduler.setWaitForTasksToCompleteOnShutdown(true);
		scheduler.setAwaitTerminationSeconds(STOP_TIMEOUT_SECONDS);
		scheduler.initialize();
		this.stopping = false;
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
		this.stopping = true;
		if (this.task != null) {
			this.task.cancel(false);
			this.task = null;
		}
		if (this.scheduler != null) {
			this.scheduler.shutdown();
			this.scheduler = null;
		}
	}

	/**
	 * Whether the application is stopping: a run under way should end after its current
	 * batch.
	 */
	protected boolean isStopping() {
		return this.stopping;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.task != null;
	}

}
