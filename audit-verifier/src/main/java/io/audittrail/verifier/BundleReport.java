package io.audittrail.verifier;

import java.util.List;

/**
 * What a verified evidence bundle showed.
 *
 * @param checkpoint the signed checkpoint its proofs lead to
 * @param signedBy the trusted keys whose signatures on the checkpoint verified
 * @param events how many events it holds, all verified
 * @param firstPosition the chain position of its first event, or 0 when it holds none
 * @param lastPosition the chain position of its last event, or 0 when it holds none
 * @param previous the earlier checkpoint the log was shown to extend, or {@code null}
 */
public record BundleReport(Checkpoint checkpoint, List<VerifierKey> signedBy, long events, long firstPosition,
		long lastPosition, Checkpoint previous) {

	public BundleReport {
		signedBy = List.copyOf(signedBy);
	}

}
