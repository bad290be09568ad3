package io.audittrail.evidence;

import java.util.Optional;

/**
 * Where signed checkpoints are kept, insert-only, beyond the reach of retention. Implementations are
 * thread-safe.
 */
public interface CheckpointStore {

	/** Keeps a checkpoint; a checkpoint of the same chain and size is kept only once. */
	void save(SignedCheckpoint checkpoint);

	/** The chain's checkpoint of the largest size, if any. */
	Optional<SignedCheckpoint> latest(String tenant);

}
