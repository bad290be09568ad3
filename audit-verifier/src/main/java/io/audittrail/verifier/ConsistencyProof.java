package io.audittrail.verifier;

import java.util.List;

/**
 * The hashes that show the tree of {@code newSize} leaves extends the tree of {@code oldSize}
 * leaves (RFC 9162 §2.1.4).
 *
 * @param oldSize the earlier tree size
 * @param newSize the later tree size
 * @param hashes the consistency path, 32 bytes each
 */
public record ConsistencyProof(long oldSize, long newSize, List<byte[]> hashes) {

	public ConsistencyProof {
		if (oldSize < 0 || newSize < oldSize) {
			throw new IllegalArgumentException("no consistency proof leads from size " + oldSize + " to " + newSize);
		}
		hashes = List.copyOf(hashes);
	}

}
