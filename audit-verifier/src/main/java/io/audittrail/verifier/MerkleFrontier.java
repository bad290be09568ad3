package io.audittrail.verifier;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 6962 tree kept as its frontier: the roots of the perfect subtrees its leaves
 * form, largest first, one per set bit of its size. Appending a leaf costs O(log n)
 * hashes and the root can be read at any size without rebuilding the tree; the frontier
 * is all a store needs to keep to go on. Not thread-safe.
 */
public final class MerkleFrontier {

	private final List<byte[]> hashes;

	private long size;

	private MerkleFrontier(long size, List<byte[]> hashes) {
		this.size = size;
		this.hashes = hashes;
	}

	/** The frontier of the empty tree. */
	public static MerkleFrontier empty() {
		return new MerkleFrontier(0, new ArrayList<>());
	}

	/**
	 * The frontier of a tree of the given size from its subtree roots, largest first, as
	 * {@link #hashes()} gave them.
	 */
	public static MerkleFrontier of(long size, List<byte[]> hashes) {
		if (size < 0 || hashes.size() != Long.bitCount(size)) {
			throw new IllegalArgumentException("a tree of size " + size + " has " + Long.bitCount(Math.max(size, 0))
					+ " frontier hashes, not " + hashes.size());
		}
		List<byte[]> copy = new ArrayList<>(hashes.size());
		for (byte[] hash : hashes) {
			if (hash.length != Merkle.HASH_LENGTH) {
				throw new IllegalArgumentException("a frontier hash must have " + Merkle.HASH_LENGTH + " bytes");
			}
			copy.add(hash.clone());
		}
		return new MerkleFrontier(size, copy);
	}

	/** Appends a leaf by its leaf hash ({@link Merkle#leafHash}). */
	public void append(byte[] leafHash) {
		if (leafHash.length != Merkle.HASH_LENGTH) {
			throw new IllegalArgumentException("a leaf hash must have " + Merkle.HASH_LENGTH + " bytes");
		}
		byte[] hash = leafHash.clone();
		for (long carried = this.size; (carried & 1) == 1; carried >>= 1) {
			hash = Merkle.nodeHash(this.hashes.remove(this.hashes.size() - 1), hash);
		}
		this.hashes.add(hash);
		this.size++;
	}

	/** How many leaves the tree holds. */
	public long size() {
		return this.size;
	}

	/** The tree's root hash at its current size. */
	public byte[] root() {
		if (this.hashes.isEmpty()) {
			return Merkle.emptyRoot();
		}
		byte[] root = this.hashes.get(this.hashes.size() - 1);
		for (int i = this.hashes.size() - 2; i >= 0; i--) {
			root = Merkle.nodeHash(this.hashes.get(i), root);
		}
		return root;
	}

	/** The roots of the perfect subtrees, largest first (copies). */
	public List<byte[]> hashes() {
		return this.hashes.stream().map(byte[]::clone).toList();
	}

}
