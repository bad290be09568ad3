package io.audittrail.integrity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.audittrail.store.ChainStore;
import io.audittrail.store.SealedRow;

/**
 * Verifies several whole chains in one read of every seal with its event in event id
 * order, split into id ranges read on two connections at a time: each seal is checked
 * against its event's content, tenant and encoding as it comes, and the runs of
 * consecutive positions the seals form are linked to each other at the end. Reading a
 * chain in position order instead looks up each event on its own, and reads both tables
 * whole again for every chain. A chain passes only when its positions run without a gap
 * or a broken link from its start to at least its head; for any other chain the result is
 * empty, and the walk in position order names its first broken event. Thread-safe.
 */
final class WholeChains {

	/** How many id ranges are read at the same time, each on a connection of its own. */
	static final int READERS = 2;

	/** How many event ids one read covers. */
	static final long RANGE = 50_000;

	/**
	 * How many runs of consecutive positions one reader keeps for a chain before it
	 * leaves the chain to the walk: seals made late, out of id order, start new runs.
	 */
	private static final int MOST_RUNS = 100_000;

	private static final AtomicInteger threads = new AtomicInteger();

	private final ChainStore store;

	private final int readers;

	private final long range;

	WholeChains(ChainStore store) {
		this(store, READERS, RANGE);
	}

	WholeChains(ChainStore store, int readers, long range) {
		this.store = store;
		this.readers = readers;
		this.range = range;
	}

	/**
	 * Where each of the given chains ends, for those that verify whole from their start.
	 * @param chains the chains, by key
	 * @return the last position and hash of each chain that verifies
	 */
	Map<String, End> verify(Map<String, Start> chains) {
		long first = this.store.firstSealedEventId();
		long last = this.store.lastSealedEventId();
		List<Reader> done = new ArrayList<>();
		if (first > 0) {
			AtomicLong next = new AtomicLong(first - 1);
			long ranges = (last - first) / this.range + 1;
			int readers = (int) Math.min(this.readers, ranges);
			if (readers == 1) {
				done.add(read(chains, next, last));
			}
			else {
				done.addAll(readInParallel(chains, next, last, readers));
			}
		}
		Map<String, End> ends = new HashMap<>();
		chains.forEach((chain, start) -> {
			End end = link(start, done.stream().map((reader) -> reader.parts.get(chain)).toList());
			if (end != null) {
				ends.put(chain, end);
			}
		});
		return ends;
	}

	private List<Reader> readInParallel(Map<String, Start> chains, AtomicLong next, long last, int readers) {
		ExecutorService executor = Executors.newFixedThreadPool(readers, (task) -> {
			Thread thread = new Thread(task, "audit-verification-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<Reader>> reads = new ArrayList<>();
			for (int i = 0; i < readers; i++) {
				reads.add(executor.submit(() -> read(chains, next, last)));
			}
			List<Reader> done = new ArrayList<>();
			for (Future<Reader> read : reads) {
				done.add(read.get());
			}
			return done;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while verifying the chains", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException("Cannot verify the chains", ex.getCause());
		}
		finally {
			executor.shutdownNow();
		}
	}

	/** Reads the next id range not yet taken, until none is left. */
	private Reader read(Map<String, Start> chains, AtomicLong next, long last) {
		Reader reader = new Reader(chains);
		for (long after = next.getAndAdd(this.range); after < last; after = next.getAndAdd(this.range)) {
			this.store.walkIds(after, Math.min(after + this.range, last), reader);
		}
		return reader;
	}

	/** Links the runs the readers found for one chain, from its start. */
	private static End link(Start start, List<Part> parts) {
		List<Run> runs = new ArrayList<>();
		for (Part part : parts) {
			if (part != null) {
				if (part.broken) {
					return null;
				}
				runs.addAll(part.runs);
			}
		}
		runs.sort(Comparator.comparingLong((run) -> run.first));
		long position = start.position();
		String hash = start.hash();
		for (Run run : runs) {
			if (run.first != position + 1 || !Objects.equals(run.firstPrevHash, hash)) {
				return null;
			}
			position = run.last;
			hash = run.lastHash;
		}
		// fewer positions than the head: the newest events were removed
		return (position >= start.headPosition()) ? new End(position, hash) : null;
	}

	/**
	 * A chain to verify from where it starts.
	 *
	 * @param position the last position before the chain's start (its checkpoint's, or 0)
	 * @param hash the hash at that position, {@code null} for 0
	 * @param headPosition the chain head's position: the chain must reach it
	 */
	record Start(long position, String hash, long headPosition) {
	}

	/**
	 * Where a chain that verifies ends.
	 *
	 * @param position its last position
	 * @param hash the hash at that position
	 */
	record End(long position, String hash) {
	}

	/** Checks the seals of one reader's id ranges and gathers their runs, per chain. */
	private static final class Reader implements Consumer<ChainStore.ChainedRow> {

		private final Map<String, Start> chains;

		private final Map<String, Part> parts = new HashMap<>();

		private final EventDigest digest = new EventDigest();

		Reader(Map<String, Start> chains) {
			this.chains = chains;
		}

		@Override
		public void accept(ChainStore.ChainedRow row) {
			Start start = this.chains.get(row.chain());
			SealedRow seal = row.sealed();
			long position = seal.position();
			if (start == null || position <= start.position()) {
				// another chain, or a position retention has passed
				return;
			}
			Part part = this.parts.computeIfAbsent(row.chain(), (chain) -> new Part());
			if (!part.broken) {
				part.broken = !matches(row.chain(), seal) || !part.add(position, seal.prevHash(), seal.hash());
			}
		}

		private boolean matches(String chain, SealedRow seal) {
			return chain.equals(ChainStore.keyOf(seal.event().tenant())) && EventDigest.knows(seal.encoding())
					&& this.digest.hash(seal.event(), seal.encoding(), seal.position(), seal.prevHash())
						.equals(seal.hash());
		}

	}

	/** What one reader found of a chain: its runs, or that it is broken. */
	private static final class Part {

		private final List<Run> runs = new ArrayList<>();

		private Run last;

		private boolean broken;

		/** Adds a seal; false when it does not link to the position before it. */
		boolean add(long position, String prevHash, String hash) {
			if (this.last != null && position == this.last.last + 1) {
				if (!Objects.equals(prevHash, this.last.lastHash)) {
					return false;
				}
				this.last.last = position;
				this.last.lastHash = hash;
				return true;
			}
			if (this.runs.size() == MOST_RUNS) {
				return false;
			}
			this.last = new Run(position, prevHash, hash);
			this.runs.add(this.last);
			return true;
		}

	}

	/** Consecutive positions of a chain whose seals link to each other. */
	private static final class Run {

		private final long first;

		private final String firstPrevHash;

		private long last;

		private String lastHash;

		Run(long first, String firstPrevHash, String hash) {
			this.first = first;
			this.firstPrevHash = firstPrevHash;
			this.last = first;
			this.lastHash = hash;
		}

	}

}
