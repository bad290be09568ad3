package io.audittrail.store;

import java.time.Instant;
import java.util.Objects;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import io.audittrail.verifier.Checkpoint;

/**
 * A checkpoint of one chain and its signed note.
 *
 * @param tenant the chain's tenant, or {@code null} for the system-level chain
 * @param checkpoint the checkpoint: origin, size and root
 * @param note the signed note, as published
 * @param signedAt when it was signed
 */
@API(status = Status.EXPERIMENTAL, since = "0.2")
public record SignedCheckpoint(String tenant, Checkpoint checkpoint, String note, Instant signedAt) {

	public SignedCheckpoint {
		Objects.requireNonNull(checkpoint, "checkpoint");
		Objects.requireNonNull(note, "note");
		Objects.requireNonNull(signedAt, "signedAt");
	}

}
