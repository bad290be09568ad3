package io.audittrail.evidence;

import java.nio.file.Path;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import io.audittrail.store.SignedCheckpoint;

/**
 * Ships signed checkpoints to a place the database's administrator cannot rewrite, such
 * as a directory on another system, an object store with retention locks, or a witness.
 * Implementations must be thread-safe; a failure is reported by an exception and the
 * checkpoint is offered again later.
 */
@API(status = Status.EXPERIMENTAL, since = "0.2")
@FunctionalInterface
public interface CheckpointPublisher {

	/** Publishes a checkpoint; publishing the same checkpoint again must do no harm. */
	void publish(SignedCheckpoint checkpoint);

	/** A publisher that keeps checkpoints only in the application's own store. */
	static CheckpointPublisher none() {
		return (checkpoint) -> {
		};
	}

	/**
	 * A publisher that writes each checkpoint's note to
	 * {@code <directory>/<chain>/<size>.note} and
	 * {@code <directory>/<chain>/latest.note}, where the chain is {@code system} or
	 * {@code tenant-<URL-encoded tenant>}. A note of a size already published with
	 * another root is refused, never overwritten.
	 */
	static CheckpointPublisher toDirectory(Path directory) {
		return new DirectoryCheckpointPublisher(directory);
	}

}
