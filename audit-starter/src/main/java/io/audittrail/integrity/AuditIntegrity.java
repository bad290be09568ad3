package io.audittrail.integrity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import io.audittrail.core.TenantScope;
import io.audittrail.store.ChainStore;
import io.audittrail.store.SealedRow;

/**
 * Verifies the hash chains of the audit log: each sealed event must hold the hash of its
 * own content and of its predecessor, at the next position of its tenant's chain, from
 * the chain's start or from the checkpoint retention left, up to the chain's head. An
 * edited event breaks its own hash, a removed one leaves a gap, and events whose contents
 * were exchanged break both hashes. Each seal is checked with the encoding it names. Rows
 * are streamed, so a chain of any length is verified in constant memory. Thread-safe.
 * <p>
 * {@link #verify()} and {@link #verify(String)} walk whole chains; several chains are
 * read together, each seal with its event once in event id order, and a chain that does
 * not pass that read is walked in position order, which names its first broken event.
 * {@link #verifyLatest()} and {@link #verifyLatest(String)} go on from where the last
 * walk of a chain ended, as long as its last full walk is more recent than the full-walk
 * interval: an edit of an event that was already verified is then found by the next full
 * walk.
 */
@API(status = Status.STABLE, since = "0.2")
public final class AuditIntegrity {

	private final ChainStore store;

	private final Duration fullWalkInterval;

	private final Clock clock;

	private final WholeChains wholeChains;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	/** Verification that always walks whole chains. */
	public AuditIntegrity(ChainStore store) {
		this(store, Duration.ZERO, Clock.systemUTC());
	}

	/**
	 * @param store the chains' storage
	 * @param fullWalkInterval how long {@link #verifyLatest(String)} goes on from the
	 * last verified position before it walks a whole chain again; zero always walks whole
	 * chains
	 * @param clock the clock the interval is measured with
	 */
	public AuditIntegrity(ChainStore store, Duration fullWalkInterval, Clock clock) {
		this(store, fullWalkInterval, clock, new WholeChains(store));
	}

	AuditIntegrity(ChainStore store, Duration fullWalkInterval, Clock clock, WholeChains wholeChains) {
		if (fullWalkInterval == null || fullWalkInterval.isNegative()) {
			throw new IllegalArgumentException(
					"audit.integrity.full-verification-interval must not be negative, not " + fullWalkInterval);
		}
		this.store = store;
		this.fullWalkInterval = fullWalkInterval;
		this.clock = clock;
		this.wholeChains = wholeChains;
	}

	/** Verifies the chains of every tenant and the chain of system-level events. */
	public IntegrityReport verify() {
		return every(false, true);
	}

	/**
	 * Verifies the chain of one tenant.
	 * @param tenant the tenant, or {@code null} for the chain of system-level events
	 */
	public IntegrityReport verify(String tenant) {
		return chain(tenant, false).withUnsealed(this.store.unsealedCount(tenant));
	}

	/** Like {@link #verify()}, going on from the last verified positions. */
	public IntegrityReport verifyLatest() {
		return every(true, true);
	}

	/**
	 * Like {@link #verifyLatest()}, for the chains a reader's scope covers only: those of
	 * every tenant or of the named ones, and the chain of system-level events when the
	 * scope includes it. Chains outside the scope are neither walked nor counted.
	 * @param scope the tenants whose chains to verify
	 */
	public IntegrityReport verifyLatestIn(TenantScope scope) {
		if (scope.everyTenant()) {
			return every(true, scope.system());
		}
		IntegrityReport report = scope.system() ? verifyLatest(null) : new IntegrityReport(true, 0, null, 0);
		for (String tenant : scope.tenants()) {
			report = report.and(verifyLatest(tenant));
		}
		return report;
	}

	/** Like {@link #verify(String)}, going on from the last verified position. */
	public IntegrityReport verifyLatest(String tenant) {
		return chain(tenant, true).withUnsealed(this.store.unsealedCount(tenant));
	}

	private IntegrityReport every(boolean latest, boolean system) {
		List<ChainStore.ChainHead> heads = this.store.heads()
			.stream()
			.filter((head) -> system || head.tenant() != null)
			.toList();
		Instant now = this.clock.instant();
		Map<String, WholeChains.Start> whole = new HashMap<>();
		for (ChainStore.ChainHead head : heads) {
			ChainStore.Checkpoint checkpoint = this.store.checkpoint(head.tenant());
			if (!latest || resumable(head.chain(), checkpoint, now) == null) {
				whole.put(head.chain(),
						new WholeChains.Start(checkpoint.position(), checkpoint.hash(), head.position()));
			}
		}
		// one read of every seal in id order costs about what the walk of one chain does
		Map<String, WholeChains.End> ends = (whole.size() > 1) ? this.wholeChains.verify(whole) : Map.of();
		IntegrityReport report = new IntegrityReport(true, 0, null, 0);
		for (ChainStore.ChainHead head : heads) {
			WholeChains.End end = ends.get(head.chain());
			if (end != null) {
				report = report.and(verifiedWhole(head.chain(), whole.get(head.chain()), end, now));
			}
			else {
				// broken, or not walked whole: the walk in position order names the break
				report = report.and(chain(head.tenant(), latest));
			}
		}
		// every chain verified whole: each seal has its event, so the events less the
		// seals is exact, and two counts cost far less than a look-up per event (a walk
		// that went on from the last verified position has not shown that)
		boolean walkedWhole = report.verified() && !latest;
		long unsealed = walkedWhole ? Math.max(0, this.store.unsealedCount(0, Long.MAX_VALUE))
				: this.store.unsealedCount();
		if (!system) {
			// two counts while events are written: an estimate, never below zero
			unsealed = Math.max(0, unsealed - this.store.unsealedCount(null));
		}
		return report.withUnsealed(unsealed);
	}

	private IntegrityReport verifiedWhole(String chain, WholeChains.Start start, WholeChains.End end, Instant now) {
		if (this.fullWalkInterval.isZero()) {
			this.verified.remove(chain);
		}
		else {
			this.verified.put(chain, new Verified(end.position(), end.hash(), now));
		}
		return new IntegrityReport(true, end.position() - start.position(), null, 0);
	}

	/**
	 * Where the last walk of a chain ended, if the next may go on from there.
	 */
	private Verified resumable(String chain, ChainStore.Checkpoint checkpoint, Instant now) {
		Verified last = this.verified.get(chain);
		return (last != null && last.position() >= checkpoint.position()
				&& now.isBefore(last.fullWalkAt().plus(this.fullWalkInterval))) ? last : null;
	}

	private IntegrityReport chain(String tenant, boolean latest) {
		String chain = ChainStore.keyOf(tenant);
		Optional<ChainStore.ChainHead> head = this.store.head(tenant);
		if (head.isEmpty()) {
			// seals of a chain that was never started were not made here
			Optional<Long> forged = this.store.sealedWithoutHead(tenant);
			return new IntegrityReport(forged.isEmpty(), 0, forged.orElse(null), 0);
		}
		ChainStore.Checkpoint checkpoint = this.store.checkpoint(tenant);
		Instant now = this.clock.instant();
		Verified last = latest ? resumable(chain, checkpoint, now) : null;
		Walk walk;
		if (last != null) {
			walk = new Walk(tenant, last.position(), last.hash(), last.position() - checkpoint.position());
		}
		else {
			walk = new Walk(tenant, checkpoint.position(), checkpoint.hash(), 0);
		}
		this.store.walk(tenant, walk.expectedPosition - 1, walk);
		IntegrityReport report;
		if (walk.brokenId == null && walk.expectedPosition - 1 < head.get().position()) {
			// the newest events of the chain were removed
			report = new IntegrityReport(false, walk.checked, walk.lastId, 0);
		}
		else {
			report = new IntegrityReport(walk.brokenId == null, walk.checked, walk.brokenId, 0);
		}
		if (last != null && !report.verified()) {
			// name the break as a whole walk does
			return chain(tenant, false);
		}
		if (report.verified() && !this.fullWalkInterval.isZero()) {
			this.verified.put(chain, new Verified(walk.expectedPosition - 1, walk.expectedPrevious,
					(last != null) ? last.fullWalkAt() : now));
		}
		else {
			this.verified.remove(chain);
		}
		return report;
	}

	/** Where a chain was last verified, and when it was last walked whole. */
	private record Verified(long position, String hash, Instant fullWalkAt) {
	}

	/** Walks one chain in position order, stopping at the first broken event. */
	private final class Walk implements Predicate<SealedRow> {

		private final String tenant;

		private final String chain;

		private final EventDigest digest = new EventDigest();

		private long expectedPosition;

		private String expectedPrevious;

		private long checked;

		private Long brokenId;

		private Long lastId;

		Walk(String tenant, long position, String hash, long checked) {
			this.tenant = tenant;
			this.chain = ChainStore.keyOf(tenant);
			this.expectedPosition = position + 1;
			this.expectedPrevious = hash;
			this.checked = checked;
		}

		@Override
		public boolean test(SealedRow seal) {
			long id = seal.event().id();
			long position = seal.position();
			if (this.lastId == null && position != this.expectedPosition) {
				// retention may have moved the checkpoint since it was read
				ChainStore.Checkpoint current = AuditIntegrity.this.store.checkpoint(this.tenant);
				if (current.position() == position - 1) {
					this.expectedPosition = position;
					this.expectedPrevious = current.hash();
					this.checked = 0;
				}
			}
			this.checked++;
			this.lastId = id;
			if (position != this.expectedPosition || !Objects.equals(seal.prevHash(), this.expectedPrevious)
					|| !this.chain.equals(ChainStore.keyOf(seal.event().tenant()))
					|| !EventDigest.knows(seal.encoding())
					|| !this.digest.hash(seal.event(), seal.encoding(), position, seal.prevHash())
						.equals(seal.hash())) {
				this.brokenId = id;
				return false;
			}
			this.expectedPosition = position + 1;
			this.expectedPrevious = seal.hash();
			return true;
		}

	}

}
