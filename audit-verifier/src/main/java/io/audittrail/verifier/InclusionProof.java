package io.audittrail.verifier;

import java.util.List;

/**
 * The hashes that tie the leaf at {@code index} to the root of the tree of {@code size}
 * leaves, deepest first (RFC 9162 §2.1.3).
 *
 * @param index the leaf's index, from 0
 * @param size the tree size the proof leads to
 * @param hashes the audit path, 32 bytes each
 */
public record InclusionProof(long index, long size, List<byte[]> hashes) {

	public InclusionProof {
		if (index < 0 || index >= size) {
			throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + size);
		}
		hashes = List.copyOf(hashes);
	}

}
