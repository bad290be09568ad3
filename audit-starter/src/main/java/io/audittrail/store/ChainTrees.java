package io.audittrail.store;

import java.util.OptionalLong;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import io.audittrail.verifier.LeafHashes;
import io.audittrail.verifier.Merkle;
import io.audittrail.verifier.MerkleFrontier;

/**
 * The Merkle trees of the sealed chains, as the seal storage keeps them: one per tenant
 * and one for system-level events ({@code null} tenant), whose leaves are the sealed
 * events' chain hashes in chain order. Implementations are thread-safe.
 */
@API(status = Status.EXPERIMENTAL, since = "0.2")
public interface ChainTrees {

	/** The chain's tree at its current sealed size, as its frontier. */
	MerkleFrontier frontier(String tenant);

	/**
	 * The chain's leaf hashes by index (position - 1), at least up to its current sealed
	 * size.
	 */
	LeafHashes leaves(String tenant);

	/**
	 * Proves inclusion and consistency in the chain's tree: over its leaves and, for the
	 * events retention removed, over the frontier it kept of them, so that every event
	 * still stored keeps its proofs. A proof that needs a removed leaf itself (of a tree
	 * smaller than the removed part) fails with an {@link IllegalStateException}.
	 */
	Merkle.Prover prover(String tenant);

	/** The position of a sealed event in its chain, if it is sealed there. */
	OptionalLong position(String tenant, long eventId);

}
