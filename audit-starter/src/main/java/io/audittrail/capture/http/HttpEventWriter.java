package io.audittrail.capture.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionOperations;

import io.audittrail.core.AuditEvent;
import io.audittrail.core.AuditEventStore;
import io.audittrail.store.RequestCompletion;
import io.audittrail.store.RequestStatusStore;

/**
 * Writes request entries and response statuses off the request thread: a bounded queue,
 * drained by one background thread in JDBC batches. A full queue makes the request thread
 * wait for space, up to a timeout after which the entry is logged and counted as lost in
 * the metric {@code audit.http.entries.lost}; nothing is dropped silently. No entry stops
 * the writer: a batch that cannot be written is retried entry by entry, so that a bad
 * entry loses only itself, and whatever an entry throws is caught, logged and counted.
 * Stopping the application drains the queue. Thread-safe.
 */
final class HttpEventWriter implements SmartLifecycle {

	/** Stops after the web server, so that no request is still adding entries. */
	private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(HttpEventWriter.class);

	private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	private static final int ATTEMPTS = 3;

	private final AuditEventStore store;

	private final RequestStatusStore statuses;

	private final TransactionOperations transaction;

	private final Settings settings;

	private final BlockingQueue<Object> queue;

	private final Counter lost;

	private final Object lifecycle = new Object();

	private volatile boolean running;

	private Thread thread;

	/**
	 * @param store where request entries go
	 * @param statuses where response statuses go; may be {@code null}, then statuses are
	 * not set
	 * @param transaction wraps each batch in a transaction; may be {@code null}
	 * @param settings the queue's size, the batches and the waits
	 * @param meters where the lost entries and queue size are reported; may be
	 * {@code null}
	 */
	HttpEventWriter(AuditEventStore store, RequestStatusStore statuses, TransactionOperations transaction,
			Settings settings, MeterRegistry meters) {
		this.store = store;
		this.statuses = statuses;
		this.transaction = transaction;
		this.settings = settings;
		this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
		this.lost = (meters != null) ? Counter.builder("audit.http.entries.lost")
			.description("HTTP request entries and statuses that could not be written")
			.register(meters) : null;
		if (meters != null) {
			Gauge.builder("audit.http.queue.size", this.queue, BlockingQueue::size)
				.description("HTTP request entries waiting to be written")
				.register(meters);
		}
	}

	/** Queues a request entry. */
	public void write(AuditEvent event) {
		submit(event);
	}

	/**
	 * Queues a request entry that is built on the writer's thread, such as one whose body
	 * is still to be masked.
	 */
	public void write(Supplier<AuditEvent> event) {
		submit(event);
	}

	/** Queues the status of a request whose events were written while it ran. */
	public void complete(RequestCompletion completion) {
		if (this.statuses != null && completion.requestId() != null) {
			submit(completion);
		}
	}

	private void submit(Object entry) {
		if (!this.running) {
			writeOnCallingThread(List.of(entry));
			return;
		}
		try {
			if (!this.queue.offer(entry, this.settings.enqueueTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
				lose(1, "the queue stayed full for " + this.settings.enqueueTimeout(), null);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			lose(1, "the request thread was interrupted while waiting for space", ex);
		}
	}

	@Override
	public void start() {
		synchronized (this.lifecycle) {
			if (this.running) {
				return;
			}
			this.running = true;
			this.thread = new Thread(this::supervise, "audit-http-writer");
			this.thread.setDaemon(true);
			this.thread.start();
		}
	}

	@Override
	public void stop() {
		Thread stopping;
		synchronized (this.lifecycle) {
			if (!this.running) {
				return;
			}
			this.running = false;
			stopping = this.thread;
			this.thread = null;
		}
		try {
			stopping.join(this.settings.shutdownTimeout().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (stopping.isAlive()) {
			logger.warn("The audit HTTP writer did not finish within " + this.settings.shutdownTimeout()
					+ "; writing the rest of its queue on the stopping thread");
		}
		List<Object> rest = new ArrayList<>();
		this.queue.drainTo(rest);
		if (!rest.isEmpty()) {
			writeOnCallingThread(rest);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** Drains the queue until stopped, going on after anything a batch throws. */
	private void supervise() {
		while (this.running || !this.queue.isEmpty()) {
			List<Object> batch = new ArrayList<>(this.settings.batchSize());
			try {
				drain(batch);
				return;
			}
			catch (Throwable ex) {
				lose(batch.size(), "the writer failed on its batch; it goes on with the next", ex);
			}
		}
	}

	private void drain(List<Object> batch) {
		int batchSize = this.settings.batchSize();
		while (this.running || !this.queue.isEmpty()) {
			try {
				fill(batch, batchSize);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (!batch.isEmpty()) {
				writeNow(batch);
				batch.clear();
			}
			if (Thread.currentThread().isInterrupted() && !this.running) {
				break;
			}
		}
	}

	private void writeOnCallingThread(List<Object> entries) {
		try {
			writeNow(entries);
		}
		catch (Throwable ex) {
			lose(entries.size(), "writing failed", ex);
		}
	}

	/**
	 * Waits for a first entry, then for more until the batch is full or the flush
	 * interval has passed.
	 */
	private void fill(List<Object> batch, int batchSize) throws InterruptedException {
		Object first = this.queue.poll(SLICE_NANOS, TimeUnit.NANOSECONDS);
		if (first == null) {
			return;
		}
		batch.add(first);
		long deadline = System.nanoTime() + this.settings.flushInterval().toNanos();
		while (batch.size() < batchSize) {
			this.queue.drainTo(batch, batchSize - batch.size());
			long remaining = deadline - System.nanoTime();
			if (batch.size() >= batchSize || remaining <= 0 || !this.running) {
				return;
			}
			Object next = this.queue.poll(Math.min(remaining, SLICE_NANOS), TimeUnit.NANOSECONDS);
			if (next != null) {
				batch.add(next);
			}
		}
	}

	private void writeNow(List<Object> entries) {
		List<AuditEvent> events = new ArrayList<>();
		List<RequestCompletion> completions = new ArrayList<>();
		for (Object entry : entries) {
			if (entry instanceof AuditEvent event) {
				events.add(event);
			}
			else if (entry instanceof RequestCompletion completion) {
				completions.add(completion);
			}
			else {
				build((Supplier<?>) entry, events);
			}
		}
		if (events.isEmpty() && completions.isEmpty()) {
			return;
		}
		Throwable failure = null;
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			failure = writeOnce(events, completions);
			if (failure == null || (attempt < ATTEMPTS && !pause(attempt * 100L))) {
				break;
			}
		}
		if (failure == null) {
			return;
		}
		if (events.size() + completions.size() == 1) {
			lose(1, "writing failed", failure);
			return;
		}
		logger.warn("Cannot write a batch of " + (events.size() + completions.size())
				+ " audit HTTP entries; writing them one by one", failure);
		List<String> lostRequests = new ArrayList<>();
		Throwable firstFailure = null;
		for (AuditEvent event : events) {
			Throwable entryFailure = writeOnce(List.of(event), List.of());
			if (entryFailure != null) {
				lostRequests.add("entry of " + event.requestId());
				firstFailure = (firstFailure != null) ? firstFailure : entryFailure;
			}
		}
		for (RequestCompletion completion : completions) {
			Throwable entryFailure = writeOnce(List.of(), List.of(completion));
			if (entryFailure != null) {
				lostRequests.add("status of " + completion.requestId());
				firstFailure = (firstFailure != null) ? firstFailure : entryFailure;
			}
		}
		if (!lostRequests.isEmpty()) {
			lose(lostRequests.size(),
					"writing a batch of " + (events.size() + completions.size())
							+ " failed, and so did these entries written one by one: "
							+ String.join(", ", lostRequests.subList(0, Math.min(lostRequests.size(), 20)))
							+ ((lostRequests.size() > 20) ? ", ..." : ""),
					firstFailure);
		}
	}

	/** Writes the entries in one transaction; returns what failed it, or {@code null}. */
	private Throwable writeOnce(List<AuditEvent> events, List<RequestCompletion> completions) {
		try {
			if (this.transaction != null) {
				this.transaction.executeWithoutResult((status) -> store(events, completions));
			}
			else {
				store(events, completions);
			}
			return null;
		}
		catch (Throwable ex) {
			return ex;
		}
	}

	private void build(Supplier<?> entry, List<AuditEvent> events) {
		try {
			events.add((AuditEvent) entry.get());
		}
		catch (Throwable ex) {
			lose(1, "the entry could not be built", ex);
		}
	}

	private void store(List<AuditEvent> events, List<RequestCompletion> completions) {
		if (!events.isEmpty()) {
			this.store.append(events);
		}
		if (!completions.isEmpty()) {
			this.statuses.complete(completions);
		}
	}

	private static boolean pause(long millis) {
		try {
			Thread.sleep(millis);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void lose(int count, String reason, Throwable ex) {
		if (this.lost != null) {
			this.lost.increment(count);
		}
		logger.error("Lost " + count + " audit HTTP entr" + ((count == 1) ? "y" : "ies") + ": " + reason, ex);
	}

	/**
	 * How the writer queues and batches.
	 *
	 * @param queueCapacity how many entries may wait
	 * @param batchSize how many entries are written at once at most
	 * @param flushInterval how long the writer waits for a batch to fill
	 * @param enqueueTimeout how long a request thread waits for space in a full queue
	 * @param shutdownTimeout how long stopping waits for the writer to drain the queue
	 */
	public record Settings(int queueCapacity, int batchSize, Duration flushInterval, Duration enqueueTimeout,
			Duration shutdownTimeout) {

		public Settings {
			if (queueCapacity < 1) {
				throw new IllegalArgumentException(
						"audit.http.queue-capacity must be at least 1, but is " + queueCapacity);
			}
			if (batchSize < 1) {
				throw new IllegalArgumentException("audit.http.batch-size must be at least 1, but is " + batchSize);
			}
			if (flushInterval.isNegative()) {
				throw new IllegalArgumentException(
						"audit.http.flush-interval must not be negative, but is " + flushInterval);
			}
			if (enqueueTimeout.isNegative()) {
				throw new IllegalArgumentException(
						"audit.http.enqueue-timeout must not be negative, but is " + enqueueTimeout);
			}
		}

	}

}
