package io.audittrail.evidence;

import java.util.Arrays;
import java.util.Optional;

import io.audittrail.store.ChainTrees;
import io.audittrail.store.CheckpointStore;
import io.audittrail.store.SignedCheckpoint;
import io.audittrail.verifier.ConsistencyProof;
import io.audittrail.verifier.LeafHashes;
import io.audittrail.verifier.Merkle;
import io.audittrail.verifier.MerkleFrontier;
import io.audittrail.verifier.VerificationException;

/**
 * Issues a chain's next checkpoint: signs its tree at its current size, keeps the
 * checkpoint and publishes it. It never signs a tree that does not extend the chain's
 * latest checkpoint, since a log must not sign two inconsistent checkpoints: such a tree
 * means the sealed chain was rewritten. Thread-safe when its collaborators are; callers
 * serialize issuing per chain.
 */
final class CheckpointIssuer {

	private final ChainTrees trees;

	private final CheckpointSigner signer;

	private final CheckpointStore store;

	private final CheckpointPublisher publisher;

	public CheckpointIssuer(ChainTrees trees, CheckpointSigner signer, CheckpointStore store,
			CheckpointPublisher publisher) {
		this.trees = trees;
		this.signer = signer;
		this.store = store;
		this.publisher = publisher;
	}

	/**
	 * Signs, keeps and publishes a checkpoint of the chain at its current size; returns
	 * empty when the latest checkpoint already has that size.
	 * @throws IllegalStateException when the chain's tree does not extend its latest
	 * checkpoint
	 */
	public Optional<SignedCheckpoint> issue(String tenant) {
		MerkleFrontier tree = this.trees.frontier(tenant);
		byte[] root = tree.root();
		Optional<SignedCheckpoint> latest = this.store.latest(tenant);
		if (latest.isPresent()) {
			long latestSize = latest.get().checkpoint().size();
			if (latestSize == tree.size() && Arrays.equals(latest.get().checkpoint().root(), root)) {
				return Optional.empty();
			}
		}
		ConsistencyProof fromLatest = (latest.isPresent()) ? requireExtends(tenant, latest.get(), tree.size(), root)
				: null;
		SignedCheckpoint checkpoint = this.signer.sign(tenant, tree.size(), root);
		this.store.save(checkpoint, tree, fromLatest);
		this.publisher.publish(checkpoint);
		return Optional.of(checkpoint);
	}

	/**
	 * The proof that the tree extends the latest checkpoint, built from its kept frontier
	 * when there is one.
	 */
	private ConsistencyProof requireExtends(String tenant, SignedCheckpoint latest, long size, byte[] root) {
		long latestSize = latest.checkpoint().size();
		String chain = (tenant != null) ? "the chain of tenant " + tenant : "the system-level chain";
		if (size < latestSize) {
			throw new IllegalStateException(chain + " has " + size + " sealed events, fewer than the " + latestSize
					+ " of its latest checkpoint: sealed events were removed; refusing to sign");
		}
		LeafHashes leaves = this.trees.leaves(tenant);
		MerkleFrontier kept = this.store.frontier(tenant, latestSize).orElse(null);
		ConsistencyProof proof = Merkle.prover(leaves, kept).consistencyProof(latestSize, size);
		try {
			Merkle.verifyConsistency(proof, latest.checkpoint().root(), root);
			return proof;
		}
		catch (VerificationException ex) {
			throw new IllegalStateException(chain + " does not extend its checkpoint of size " + latestSize
					+ ": the sealed chain was rewritten; refusing to sign (" + ex.getMessage() + ")", ex);
		}
	}

}
