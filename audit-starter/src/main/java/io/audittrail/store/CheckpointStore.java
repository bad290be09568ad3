package io.audittrail.store;

import java.util.List;
import java.util.Optional;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import io.audittrail.verifier.ConsistencyProof;
import io.audittrail.verifier.MerkleFrontier;

/**
 * Where signed checkpoints are kept, insert-only, beyond the reach of retention.
 * Implementations are thread-safe.
 */
@API(status = Status.EXPERIMENTAL, since = "0.2")
public interface CheckpointStore {

	/** Keeps a checkpoint; a checkpoint of the same chain and size is kept only once. */
	void save(SignedCheckpoint checkpoint);

	/**
	 * Keeps a checkpoint with the tree's frontier at its size and the proof that it
	 * extends the chain's previous checkpoint, so that both outlive the leaves retention
	 * removes.
	 * @param checkpoint the checkpoint
	 * @param frontier the chain's tree at the checkpoint's size
	 * @param fromPrevious the consistency proof from the previous checkpoint,
	 * {@code null} for the first
	 */
	default void save(SignedCheckpoint checkpoint, MerkleFrontier frontier, ConsistencyProof fromPrevious) {
		save(checkpoint);
	}

	/** The chain's checkpoint of the largest size, if any. */
	Optional<SignedCheckpoint> latest(String tenant);

	/** The chain's checkpoint of a size, if one was signed. */
	default Optional<SignedCheckpoint> find(String tenant, long size) {
		return history(tenant, Integer.MAX_VALUE).stream()
			.filter((checkpoint) -> checkpoint.checkpoint().size() == size)
			.findFirst();
	}

	/** Up to {@code limit} of the chain's checkpoints, the largest first. */
	default List<SignedCheckpoint> history(String tenant, int limit) {
		return latest(tenant).stream().limit(limit).toList();
	}

	/** The chain's tree at the size of one of its checkpoints, if it was kept. */
	default Optional<MerkleFrontier> frontier(String tenant, long size) {
		return Optional.empty();
	}

	/**
	 * The kept proof that the chain's checkpoint of {@code newSize} extends its
	 * checkpoint of {@code oldSize}, when the first is the one signed right after the
	 * second.
	 */
	default Optional<ConsistencyProof> consistency(String tenant, long oldSize, long newSize) {
		return Optional.empty();
	}

}
