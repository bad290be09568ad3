package io.audittrail.capture.http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.audittrail.core.Action;
import io.audittrail.core.Actor;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How request entries wait, are written in batches, and are never lost silently.
 */
class HttpEventWriterTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final List<List<AuditEvent>> batches = new CopyOnWriteArrayList<>();

	@Test
	void fullQueueMakesTheRequestWaitThenCountsItsEntryAsLost() throws Exception {
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		HttpEventWriter writer = new HttpEventWriter((events) -> {
			writing.countDown();
			await(release);
			this.batches.add(events);
		}, null, null, new HttpEventWriter.Settings(1, 1, Duration.ZERO, Duration.ofMillis(200), Duration.ofSeconds(5)),
				this.meters);
		writer.start();
		writer.write(event("first"));
		assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
		writer.write(event("queued"));

		long started = System.nanoTime();
		writer.write(event("lost"));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(this.meters.counter("audit.http.entries.lost").count()).isEqualTo(1);
		release.countDown();
		writer.stop();
		assertThat(this.batches).extracting((batch) -> batch.get(0).requestId()).containsExactly("first", "queued");
	}

	@Test
	void stoppingWritesEveryQueuedEntryInBatches() {
		HttpEventWriter writer = new HttpEventWriter(this.batches::add, null, null, new HttpEventWriter.Settings(1000,
				40, Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofSeconds(5)), this.meters);
		writer.start();
		for (int i = 0; i < 30; i++) {
			writer.write(event("r" + i));
		}
		assertThat(this.batches).isEmpty();
		assertThat(this.meters.find("audit.http.queue.size").gauge()).isNotNull();

		writer.stop();

		assertThat(this.batches).hasSize(1);
		assertThat(this.batches.get(0)).hasSize(30);
		assertThat(this.meters.counter("audit.http.entries.lost").count()).isZero();
	}

	@Test
	void fullBatchIsWrittenWithoutWaitingForTheFlushInterval() {
		HttpEventWriter writer = new HttpEventWriter(this.batches::add, null, null, new HttpEventWriter.Settings(1000,
				5, Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofSeconds(5)), this.meters);
		writer.start();
		for (int i = 0; i < 12; i++) {
			writer.write(event("r" + i));
		}
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> this.batches.size() == 2);
		writer.stop();
		assertThat(this.batches).extracting(List::size).containsExactly(5, 5, 2);
	}

	@Test
	void failingStoreIsRetriedThenItsEntriesAreCountedAsLost() {
		HttpEventWriter writer = new HttpEventWriter((events) -> {
			throw new IllegalStateException("database down");
		}, null, null,
				new HttpEventWriter.Settings(10, 10, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(5)),
				this.meters);

		writer.write(event("unwritable"));

		assertThat(this.meters.counter("audit.http.entries.lost").count()).isEqualTo(1);
	}

	@Test
	void entryThatCannotBeBuiltIsCountedAsLostAndTheOthersAreWritten() {
		HttpEventWriter writer = new HttpEventWriter(this.batches::add, null, null,
				new HttpEventWriter.Settings(10, 10, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(5)),
				this.meters);

		writer.write(() -> {
			throw new IllegalStateException("cannot describe");
		});
		writer.write(() -> event("built"));

		assertThat(this.meters.counter("audit.http.entries.lost").count()).isEqualTo(1);
		assertThat(this.batches).extracting((batch) -> batch.get(0).requestId()).containsExactly("built");
	}

	@Test
	void entryThatFailsItsInsertLosesOnlyItselfNotItsBatch() {
		HttpEventWriter writer = new HttpEventWriter((events) -> {
			if (events.stream().anyMatch((event) -> event.requestId().equals("too-large"))) {
				throw new IllegalStateException("value too long for column http_detail");
			}
			this.batches.add(events);
		}, null, null, new HttpEventWriter.Settings(100, 100, Duration.ofHours(1), Duration.ofSeconds(1),
				Duration.ofSeconds(5)), this.meters);
		writer.start();
		for (int i = 0; i < 5; i++) {
			writer.write(event("good-" + i));
		}
		writer.write(event("too-large"));
		for (int i = 5; i < 10; i++) {
			writer.write(event("good-" + i));
		}

		writer.stop();

		assertThat(this.batches.stream().flatMap(List::stream).map(AuditEvent::requestId)).containsExactly("good-0",
				"good-1", "good-2", "good-3", "good-4", "good-5", "good-6", "good-7", "good-8", "good-9");
		assertThat(this.meters.counter("audit.http.entries.lost").count()).isEqualTo(1);
	}

	@Test
	void noEntryStopsTheWriterWhateverItThrows() {
		List<String> writingThreads = new CopyOnWriteArrayList<>();
		HttpEventWriter writer = new HttpEventWriter((events) -> {
			if (events.stream().anyMatch((event) -> event.requestId().equals("overflowing"))) {
				throw new StackOverflowError();
			}
			writingThreads.add(Thread.currentThread().getName());
			this.batches.add(events);
		}, null, null,
				new HttpEventWriter.Settings(100, 1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(5)),
				this.meters);
		writer.start();

		writer.write(() -> {
			throw new StackOverflowError();
		});
		writer.write(event("overflowing"));
		writer.write(event("after"));

		writer.write(event("later"));

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.batches.size() == 2);
		writer.stop();
		assertThat(this.batches).extracting((batch) -> batch.get(0).requestId()).containsExactly("after", "later");
		assertThat(writingThreads).containsOnly("audit-http-writer");
		assertThat(this.meters.counter("audit.http.entries.lost").count()).isEqualTo(2);
	}

	@Test
	void badSettingsNameTheirProperty() {
		Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new HttpEventWriter.Settings(0, 1, Duration.ZERO, Duration.ZERO, Duration.ZERO))
			.withMessage("audit.http.queue-capacity must be at least 1, but is 0");
	}

	private static AuditEvent event(String requestId) {
		return new AuditEvent(null, Instant.now(), null, HttpRequestRecorder.OPERATION, "http", Action.OTHER,
				Outcome.SUCCESS, Actor.anonymous(), null, null, null, null, requestId, null, null);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
