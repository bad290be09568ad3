package io.audittrail.verifier;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Merkle tree hashing as RFC 6962 §2.1 defines it, and the building and verification of
 * inclusion and consistency proofs as RFC 9162 §2.1.3 and §2.1.4 describe them.
 */
public final class Merkle {

	/** The length in bytes of every hash. */
	public static final int HASH_LENGTH = 32;

	private static final byte[] LEAF_PREFIX = { 0 };

	private static final byte[] NODE_PREFIX = { 1 };

	private Merkle() {
	}

	/** The hash of a leaf: SHA-256(0x00 ‖ data). */
	public static byte[] leafHash(byte[] data) {
		return Sha256.digest(LEAF_PREFIX, data);
	}

	/** The hash of an inner node: SHA-256(0x01 ‖ left ‖ right). */
	public static byte[] nodeHash(byte[] left, byte[] right) {
		return Sha256.digest(NODE_PREFIX, left, right);
	}

	/** The root of the empty tree: SHA-256 of nothing. */
	public static byte[] emptyRoot() {
		return Sha256.digest();
	}

	/** The root of the tree of the first {@code size} leaves. */
	public static byte[] root(long size, LeafHashes leaves) {
		return (size == 0) ? emptyRoot() : new Prover(leaves, null).rangeHash(0, size);
	}

	/**
	 * The inclusion proof of the leaf at {@code index} in the tree of the first
	 * {@code size} leaves.
	 */
	public static InclusionProof inclusionProof(long index, long size, LeafHashes leaves) {
		return prover(leaves).inclusionProof(index, size);
	}

	/**
	 * The proof that the tree of {@code newSize} leaves extends the one of
	 * {@code oldSize} leaves.
	 */
	public static ConsistencyProof consistencyProof(long oldSize, long newSize, LeafHashes leaves) {
		return prover(leaves).consistencyProof(oldSize, newSize);
	}

	/**
	 * A prover that builds many proofs over the same leaves, keeping a few recent subtree
	 * hashes per level so that proofs of consecutive leaves share their work; its memory
	 * stays constant.
	 */
	public static Prover prover(LeafHashes leaves) {
		return new Prover(leaves, null);
	}

	/**
	 * A prover that takes the subtrees of an earlier tree from its frontier rather than
	 * from its leaves, so that proofs need only the leaves after that tree: how a log
	 * proves consistency with a checkpoint whose leaves it no longer keeps.
	 */
	public static Prover prover(LeafHashes leaves, MerkleFrontier known) {
		return new Prover(leaves, known);
	}

	/**
	 * Checks that a proof ties the leaf hash to the root, throwing a
	 * {@link VerificationException} saying why when it does not.
	 */
	public static void verifyInclusion(byte[] leafHash, InclusionProof proof, byte[] root) {
		byte[] computed = rootFromInclusionProof(leafHash, proof);
		if (!MessageDigest.isEqual(computed, root)) {
			throw new VerificationException("the inclusion proof of leaf " + proof.index() + " leads to root "
					+ hex(computed) + ", not to " + hex(root));
		}
	}

	/** The root a leaf hash and its inclusion proof lead to. */
	public static byte[] rootFromInclusionProof(byte[] leafHash, InclusionProof proof) {
		requireHash(leafHash, "the leaf hash");
		long fn = proof.index();
		long sn = proof.size() - 1;
		byte[] hash = leafHash;
		for (byte[] sibling : proof.hashes()) {
			requireHash(sibling, "a hash of the inclusion proof");
			if (sn == 0) {
				throw new VerificationException("the inclusion proof of leaf " + proof.index() + " in a tree of size "
						+ proof.size() + " has too many hashes (" + proof.hashes().size() + ")");
			}
			if ((fn & 1) == 1 || fn == sn) {
				hash = nodeHash(sibling, hash);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				hash = nodeHash(hash, sibling);
			}
			fn >>= 1;
			sn >>= 1;
		}
		if (sn != 0) {
			throw new VerificationException("the inclusion proof of leaf " + proof.index() + " in a tree of size "
					+ proof.size() + " has too few hashes (" + proof.hashes().size() + ")");
		}
		return hash;
	}

	/**
	 * Checks that a proof shows the tree with {@code newRoot} extends the one with
	 * {@code oldRoot}, throwing a {@link VerificationException} saying why when it does
	 * not.
	 */
	public static void verifyConsistency(ConsistencyProof proof, byte[] oldRoot, byte[] newRoot) {
		requireHash(oldRoot, "the old root");
		requireHash(newRoot, "the new root");
		long oldSize = proof.oldSize();
		long newSize = proof.newSize();
		List<byte[]> path = proof.hashes();
		if (oldSize == newSize) {
			if (!path.isEmpty()) {
				throw new VerificationException("a consistency proof between equal sizes must be empty");
			}
			if (!MessageDigest.isEqual(oldRoot, newRoot)) {
				throw new VerificationException(
						"both trees have " + oldSize + " leaves but their roots differ: the log was rewritten");
			}
			return;
		}
		if (oldSize == 0) {
			if (!path.isEmpty()) {
				throw new VerificationException("a consistency proof from the empty tree must be empty");
			}
			return;
		}
		if (path.isEmpty()) {
			throw new VerificationException(
					"the consistency proof from size " + oldSize + " to " + newSize + " is empty");
		}
		path.forEach((hash) -> requireHash(hash, "a hash of the consistency proof"));
		int next = 0;
		byte[] first;
		if (Long.bitCount(oldSize) == 1) {
			first = oldRoot;
		}
		else {
			first = path.get(next++);
		}
		long fn = oldSize - 1;
		long sn = newSize - 1;
		while ((fn & 1) == 1) {
			fn >>= 1;
			sn >>= 1;
		}
		byte[] fr = first;
		byte[] sr = first;
		for (; next < path.size(); next++) {
			byte[] c = path.get(next);
			if (sn == 0) {
				throw new VerificationException("the consistency proof from size " + oldSize + " to " + newSize
						+ " has too many hashes (" + path.size() + ")");
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = nodeHash(c, fr);
				sr = nodeHash(c, sr);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				sr = nodeHash(sr, c);
			}
			fn >>= 1;
			sn >>= 1;
		}
		if (sn != 0) {
			throw new VerificationException("the consistency proof from size " + oldSize + " to " + newSize
					+ " has too few hashes (" + path.size() + ")");
		}
		if (!MessageDigest.isEqual(fr, oldRoot)) {
			throw new VerificationException("the consistency proof from size " + oldSize + " to " + newSize
					+ " does not lead to the old root: the log was not only appended to");
		}
		if (!MessageDigest.isEqual(sr, newRoot)) {
			throw new VerificationException("the consistency proof from size " + oldSize + " to " + newSize
					+ " does not lead to the new root: the log was not only appended to");
		}
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	private static void requireHash(byte[] hash, String what) {
		if (hash == null || hash.length != HASH_LENGTH) {
			throw new VerificationException(what + " is not a " + HASH_LENGTH + "-byte hash");
		}
	}

	/**
	 * Builds proofs over one set of leaves. Not thread-safe.
	 */
	public static final class Prover {

		private static final int CACHED_PER_LEVEL = 4;

		private final LeafHashes leaves;

		private final long[][] cachedStarts = new long[64][CACHED_PER_LEVEL];

		private final byte[][][] cachedHashes = new byte[64][CACHED_PER_LEVEL][];

		private final int[] nextSlot = new int[64];

		private final long knownSize;

		private final List<byte[]> known;

		Prover(LeafHashes leaves, MerkleFrontier known) {
			this.leaves = leaves;
			this.knownSize = (known != null) ? known.size() : 0;
			this.known = (known != null) ? known.hashes() : List.of();
			for (long[] starts : this.cachedStarts) {
				Arrays.fill(starts, -1);
			}
		}

		/**
		 * The inclusion proof of the leaf at {@code index} in the tree of {@code size}
		 * leaves.
		 */
		public InclusionProof inclusionProof(long index, long size) {
			if (index < 0 || index >= size) {
				throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + size);
			}
			List<byte[]> path = new ArrayList<>();
			path(index, 0, size, path);
			return new InclusionProof(index, size, path);
		}

		/**
		 * The proof that the tree of {@code newSize} leaves extends the one of
		 * {@code oldSize}.
		 */
		public ConsistencyProof consistencyProof(long oldSize, long newSize) {
			List<byte[]> path = new ArrayList<>();
			if (oldSize > 0 && oldSize < newSize) {
				subproof(oldSize, 0, newSize, true, path);
			}
			return new ConsistencyProof(oldSize, newSize, path);
		}

		/** The root of the tree of the first {@code size} leaves. */
		public byte[] root(long size) {
			return (size == 0) ? emptyRoot() : rangeHash(0, size);
		}

		private void path(long index, long start, long end, List<byte[]> path) {
			long n = end - start;
			if (n == 1) {
				return;
			}
			long k = largestPowerOfTwoBelow(n);
			if (index - start < k) {
				path(index, start, start + k, path);
				path.add(rangeHash(start + k, end));
			}
			else {
				path(index, start + k, end, path);
				path.add(rangeHash(start, start + k));
			}
		}

		private void subproof(long m, long start, long end, boolean whole, List<byte[]> path) {
			long n = end - start;
			if (m == n) {
				if (!whole) {
					path.add(rangeHash(start, end));
				}
				return;
			}
			long k = largestPowerOfTwoBelow(n);
			if (m <= k) {
				subproof(m, start, start + k, whole, path);
				path.add(rangeHash(start + k, end));
			}
			else {
				subproof(m - k, start + k, end, false, path);
				path.add(rangeHash(start, start + k));
			}
		}

		byte[] rangeHash(long start, long end) {
			long n = end - start;
			if (Long.bitCount(n) == 1 && start % n == 0) {
				return perfect(start, Long.numberOfTrailingZeros(n));
			}
			long k = largestPowerOfTwoBelow(n);
			return nodeHash(rangeHash(start, start + k), rangeHash(start + k, end));
		}

		private byte[] perfect(long start, int level) {
			if (start + (1L << level) <= this.knownSize) {
				byte[] hash = knownSubtree(start, level);
				if (hash != null) {
					return hash;
				}
			}
			if (level == 0) {
				byte[] hash = this.leaves.leafHash(start);
				requireHash(hash, "the leaf hash at index " + start);
				return hash;
			}
			long[] starts = this.cachedStarts[level];
			for (int slot = 0; slot < CACHED_PER_LEVEL; slot++) {
				if (starts[slot] == start) {
					return this.cachedHashes[level][slot];
				}
			}
			long half = 1L << (level - 1);
			byte[] hash = nodeHash(perfect(start, level - 1), perfect(start + half, level - 1));
			int slot = this.nextSlot[level];
			this.nextSlot[level] = (slot + 1) % CACHED_PER_LEVEL;
			starts[slot] = start;
			this.cachedHashes[level][slot] = hash;
			return hash;
		}

		/** The known frontier's subtree of that start and level, or {@code null}. */
		private byte[] knownSubtree(long start, int level) {
			long nodeStart = 0;
			int node = 0;
			for (int bit = 63; bit >= 0; bit--) {
				if ((this.knownSize & (1L << bit)) != 0) {
					if (nodeStart == start && bit == level) {
						return this.known.get(node);
					}
					nodeStart += 1L << bit;
					node++;
				}
			}
			return null;
		}

		private static long largestPowerOfTwoBelow(long n) {
			return Long.highestOneBit(n - 1);
		}

	}

}
