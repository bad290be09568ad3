package io.audittrail.verifier;

/**
 * Random access to the leaf hashes of a log, by leaf index from 0. Implementations need
 * not be thread-safe: proofs are built by one thread at a time.
 */
@FunctionalInterface
public interface LeafHashes {

	/** The 32-byte leaf hash ({@link Merkle#leafHash}) at the given index. */
	byte[] leafHash(long index);

}
