package io.audittrail.integrity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.audittrail.store.ChainStore;
import io.audittrail.store.EventRow;

/**
 * Links committed events into their tenant's hash chain by appending seal rows; the
 * events are never updated. Runs outside the business transactions, so writers never wait
 * for each other on a chain head: each run takes the complete events without a seal in id
 * order and, per tenant, under a row lock on the chain's head, gives them the next
 * positions of the chain with their predecessor's hash and their own
 * ({@value EventDigest#V2}). The chain's order is the order of sealing.
 * <p>
 * Events with an HTTP request are sealed once their status is known, or after a grace
 * period, so that the request capture can complete them first. Each event is read once,
 * with what its seal covers. Safe to run on several application instances at once: the
 * head's lock serializes them, and under it the events sealed meanwhile are left out.
 * <p>
 * Ids are taken when an event is inserted and its transaction commits later, so a
 * scheduled run looks at the events stored since the previous run, and now and then at
 * those of the last grace period and at every event (see {@link #seal(BooleanSupplier)});
 * events are never missed, only sealed later when their transaction commits long after
 * their insert.
 */
final class ChainSealer {

	private static final Log logger = LogFactory.getLog(ChainSealer.class);

	/**
	 * How long an event with an HTTP request but no status yet waits before it is sealed
	 * as it is.
	 */
	public static final Duration COMPLETION_GRACE = Duration.ofMinutes(1);

	/**
	 * How often a scheduled run looks at every event, for those committed long after they
	 * were written.
	 */
	public static final Duration SWEEP_INTERVAL = Duration.ofMinutes(10);

	/** How often a scheduled run looks at the events of the last grace period again. */
	public static final Duration LATE_SCAN_INTERVAL = Duration.ofSeconds(5);

	private final ChainStore store;

	private final int batchSize;

	private final Clock clock;

	private final ReentrantLock running = new ReentrantLock();

	/**
	 * The largest event id stored at the start of each recent run; guarded by
	 * {@link #running}.
	 */
	private final Deque<Sample> samples = new ArrayDeque<>();

	/**
	 * Events above this id are looked at by the late scan; guarded by {@link #running}.
	 */
	private long floor = -1;

	/** Events above this id are new since the last run; guarded by {@link #running}. */
	private long cursor;

	private Instant lastSweep;

	private Instant lastLateScan = Instant.MIN;

	/**
	 * @param store the chains' storage
	 * @param batchSize how many events are sealed per transaction
	 * @param clock the clock the completion grace period is measured with
	 */
	public ChainSealer(ChainStore store, int batchSize, Clock clock) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("audit.integrity.seal-batch-size must be at least 1, not " + batchSize);
		}
		this.store = store;
		this.batchSize = batchSize;
		this.clock = clock;
	}

	/**
	 * Seals every complete event not sealed yet, looking at every event.
	 * @return how many events this call sealed
	 */
	public int seal() {
		this.running.lock();
		try {
			return run(0, () -> true, this.clock.instant());
		}
		finally {
			this.running.unlock();
		}
	}

	/**
	 * Seals complete events not sealed yet, batch after batch while there are more and
	 * {@code goOn} says so: those stored since the last call and, at most every
	 * {@link #LATE_SCAN_INTERVAL}, those of the last {@link #COMPLETION_GRACE} (events
	 * committed late, and events that were waiting for their request's status); every
	 * {@link #SWEEP_INTERVAL}, every event.
	 * @param goOn asked before each batch after the first
	 * @return how many events this call sealed
	 */
	public int seal(BooleanSupplier goOn) {
		// one pass at a time in this application; other instances wait on the chain heads
		this.running.lock();
		try {
			Instant now = this.clock.instant();
			if (this.lastSweep == null) {
				// events left without a seal at the last stop wait for the first sweep
				start();
				this.lastSweep = now;
			}
			long after;
			if (!now.isBefore(this.lastSweep.plus(SWEEP_INTERVAL))) {
				after = 0;
			}
			else if (!now.isBefore(this.lastLateScan.plus(LATE_SCAN_INTERVAL))) {
				// counting is cheap; reading every event of the grace period for none is
				// not (on H2
				// several microseconds an event, every few seconds for a minute)
				after = (this.store.unsealedCount(this.floor, this.cursor) > 0) ? this.floor : this.cursor;
				if (after == this.cursor) {
					this.lastLateScan = now;
				}
			}
			else {
				after = this.cursor;
			}
			return run(after, goOn, now);
		}
		finally {
			this.running.unlock();
		}
	}

	/**
	 * Seals the complete events after the given id; the caller holds {@link #running}.
	 */
	private int run(long after, BooleanSupplier goOn, Instant now) {
		if (this.floor < 0) {
			start();
		}
		long lastEventId = this.store.lastEventId();
		this.samples.addLast(new Sample(now, lastEventId));
		Instant graceLimit = now.minus(COMPLETION_GRACE);
		EventDigest digest = new EventDigest();
		long from = after;
		int sealed = 0;
		boolean more;
		do {
			List<EventRow> candidates = this.store.unsealed(from, graceLimit, this.batchSize);
			Map<String, List<EventRow>> tenants = new LinkedHashMap<>();
			for (EventRow candidate : candidates) {
				tenants.computeIfAbsent(candidate.tenant(), (tenant) -> new ArrayList<>()).add(candidate);
			}
			for (Map.Entry<String, List<EventRow>> tenant : tenants.entrySet()) {
				sealed += this.store.seal(tenant.getKey(), tenant.getValue(),
						(event, position, prevHash) -> new ChainStore.Link(
								digest.hash(event, EventDigest.V2, position, prevHash), EventDigest.V2));
			}
			more = candidates.size() >= this.batchSize;
			if (more) {
				from = candidates.get(candidates.size() - 1).id();
			}
		}
		while (more && goOn.getAsBoolean());
		if (!more) {
			// every event visible at the start was looked at
			this.cursor = Math.max(this.cursor, lastEventId);
			if (after <= this.floor) {
				this.lastLateScan = now;
			}
			if (after == 0) {
				this.lastSweep = now;
			}
		}
		raiseFloor(graceLimit);
		if (logger.isTraceEnabled()) {
			logger.trace("Sealed " + sealed + " event(s) after id " + after);
		}
		return sealed;
	}

	private void start() {
		this.floor = this.store.lastSealedEventId();
		this.cursor = this.floor;
	}

	/**
	 * Moves the floor to the largest id stored at a run that started before the limit.
	 */
	private void raiseFloor(Instant limit) {
		Sample reached = null;
		while (!this.samples.isEmpty() && this.samples.peekFirst().at().isBefore(limit)) {
			reached = this.samples.pollFirst();
		}
		if (reached != null) {
			this.floor = Math.max(this.floor, reached.lastEventId());
		}
	}

	private record Sample(Instant at, long lastEventId) {
	}

}
