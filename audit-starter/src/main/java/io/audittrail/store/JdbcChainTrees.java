package io.audittrail.store;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import io.audittrail.verifier.LeafHashes;
import io.audittrail.verifier.Merkle;
import io.audittrail.verifier.MerkleFrontier;

/**
 * The chains' Merkle trees over the seal rows: each chain's frontier is kept in memory
 * and grows by the seals added since it was last read, starting from the larger of the
 * frontiers kept with the chain's latest checkpoint and with its retention checkpoint, so
 * no checkpoint rebuilds a tree and retention may remove the leaves before it. Proofs go
 * over the leaves still stored and the frontier retention kept of those it removed. A
 * leaf is the 32 raw bytes of an event's chain hash.
 */
final class JdbcChainTrees implements ChainTrees {

	private static final HexFormat HEX = HexFormat.of();

	/** How many leaf hashes a reader fetches at once. */
	static final int PAGE = 4096;

	/**
	 * How many pages of leaf hashes a reader keeps: proofs of consecutive leaves also
	 * need the subtrees at the tree's right edge, so with one page every few proofs read
	 * two pages again.
	 */
	static final int PAGES = 4;

	private static final String HASHES = "select position, hash from audit_seal where chain = ? and position > ? "
			+ "order by position fetch first ? rows only";

	private final JdbcTemplate jdbc;

	private final CheckpointStore checkpoints;

	private final Map<String, MerkleFrontier> trees = new ConcurrentHashMap<>();

	JdbcChainTrees(DataSource dataSource, CheckpointStore checkpoints) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.checkpoints = checkpoints;
	}

	@Override
	public MerkleFrontier frontier(String tenant) {
		String chain = Chains.keyOf(tenant);
		MerkleFrontier tree = this.trees.computeIfAbsent(chain, (key) -> start(tenant));
		MerkleFrontier purged = purged(tenant);
		if (purged != null && purged.size() > tree.size()) {
			// another instance's retention removed leaves this tree had not reached
			tree = start(tenant);
			this.trees.put(chain, tree);
		}
		return grow(tenant, tree);
	}

	private MerkleFrontier grow(String tenant, MerkleFrontier tree) {
		synchronized (tree) {
			long before;
			do {
				before = tree.size();
				long[] expected = { before + 1 };
				this.jdbc.query(HASHES, (rs) -> {
					long position = rs.getLong(1);
					requireLeaf(tenant, expected[0], position);
					tree.append(Merkle.leafHash(HEX.parseHex(rs.getString(2))));
					expected[0]++;
				}, Chains.keyOf(tenant), before, PAGE);
			}
			while (tree.size() - before == PAGE);
			return MerkleFrontier.of(tree.size(), tree.hashes());
		}
	}

	/**
	 * The largest tree of the chain kept in the database: of its latest checkpoint, or of
	 * the events retention removed, or none.
	 */
	private MerkleFrontier start(String tenant) {
		MerkleFrontier signed = this.checkpoints.latest(tenant)
			.map(SignedCheckpoint::checkpoint)
			.flatMap((latest) -> this.checkpoints.frontier(tenant, latest.size()))
			.orElse(null);
		MerkleFrontier purged = purged(tenant);
		if (purged != null && (signed == null || purged.size() > signed.size())) {
			return purged;
		}
		return (signed != null) ? signed : MerkleFrontier.empty();
	}

	@Override
	public LeafHashes leaves(String tenant) {
		String chain = Chains.keyOf(tenant);
		return new LeafHashes() {

			private final long[] firsts = new long[PAGES];

			private final byte[][][] pages = new byte[PAGES][0][];

			private final long[] used = new long[PAGES];

			private long uses;

			@Override
			public byte[] leafHash(long index) {
				int page = find(index);
				if (page < 0) {
					page = leastRecentlyUsed();
					this.pages[page] = read(index);
					this.firsts[page] = index;
				}
				this.used[page] = ++this.uses;
				return this.pages[page][(int) (index - this.firsts[page])];
			}

			private int find(long index) {
				for (int page = 0; page < PAGES; page++) {
					if (index >= this.firsts[page] && index < this.firsts[page] + this.pages[page].length) {
						return page;
					}
				}
				return -1;
			}

			private int leastRecentlyUsed() {
				int oldest = 0;
				for (int page = 1; page < PAGES; page++) {
					if (this.used[page] < this.used[oldest]) {
						oldest = page;
					}
				}
				return oldest;
			}

			private byte[][] read(long index) {
				byte[][] read = new byte[PAGE][];
				int[] count = { 0 };
				JdbcChainTrees.this.jdbc.query(HASHES, (rs) -> {
					requireLeaf(tenant, index + 1 + count[0], rs.getLong(1));
					read[count[0]++] = Merkle.leafHash(HEX.parseHex(rs.getString(2)));
				}, chain, index, PAGE);
				if (count[0] == 0) {
					throw new IllegalStateException(
							describe(tenant) + " has no sealed event at position " + (index + 1));
				}
				return (count[0] == PAGE) ? read : Arrays.copyOf(read, count[0]);
			}

		};
	}

	@Override
	public Merkle.Prover prover(String tenant) {
		return Merkle.prover(leaves(tenant), purged(tenant));
	}

	private MerkleFrontier purged(String tenant) {
		return JdbcRetentionStore.purgedTree(this.jdbc, Chains.keyOf(tenant));
	}

	@Override
	public OptionalLong position(String tenant, long eventId) {
		return this.jdbc
			.queryForList("select position from audit_seal where chain = ? and event_id = ?", Long.class,
					Chains.keyOf(tenant), eventId)
			.stream()
			.mapToLong(Long::longValue)
			.findFirst();
	}

	private static void requireLeaf(String tenant, long expected, long position) {
		if (position != expected) {
			throw new IllegalStateException(describe(tenant) + " has no sealed event at position " + expected
					+ " (removed by retention, or never sealed), which its tree needs");
		}
	}

	private static String describe(String tenant) {
		return (tenant != null) ? "the chain of tenant " + tenant : "the system-level chain";
	}

}
