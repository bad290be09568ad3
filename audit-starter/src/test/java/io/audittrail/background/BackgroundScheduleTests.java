package io.audittrail.background;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.scheduling.TaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundScheduleTests {

	@Test
	void stoppingLetsTheRunUnderWayEndAfterItsBatchWithoutInterruptingIt() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		AtomicInteger batches = new AtomicInteger();
		AtomicBoolean interrupted = new AtomicBoolean();
		AtomicBoolean finished = new AtomicBoolean();
		BackgroundSchedule schedule = new BackgroundSchedule("test-schedule-") {

			@Override
			protected ScheduledFuture<?> schedule(TaskScheduler scheduler) {
				return scheduler.scheduleWithFixedDelay(() -> {
					// a run of many batches, such as sealing a backlog
					while (!isStopping()) {
						batches.incrementAndGet();
						// stop() comes once a batch is under way
						started.countDown();
						try {
							Thread.sleep(50);
						}
						catch (InterruptedException ex) {
							interrupted.set(true);
							return;
						}
					}
					finished.set(true);
				}, Duration.ofMillis(10));
			}

		};
		schedule.start();
		assertThat(schedule.isRunning()).isTrue();
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

		schedule.stop();

		assertThat(finished).as("run ended on its own before stop() returned").isTrue();
		assertThat(interrupted).as("run interrupted").isFalse();
		assertThat(batches.get()).isPositive();
		assertThat(schedule.isRunning()).isFalse();
	}

}
