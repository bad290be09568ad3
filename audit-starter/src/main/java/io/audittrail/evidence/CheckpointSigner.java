package io.audittrail.evidence;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.audittrail.store.SignedCheckpoint;
import io.audittrail.verifier.Checkpoint;
import io.audittrail.verifier.Merkle;

/**
 * Signs the checkpoints of the chains. A chain's origin is the log name followed by
 * {@code /system} for the system-level chain or {@code /tenant/<tenant>} (URL-encoded)
 * for a tenant's, so each chain is a log of its own. Thread-safe.
 */
final class CheckpointSigner {

	private final SigningKeys keys;

	private final String logName;

	private final Clock clock;

	public CheckpointSigner(SigningKeys keys, String logName, Clock clock) {
		if (logName == null || logName.isBlank() || logName.contains("\n")) {
			throw new SigningKeyException("audit.integrity.log-name: must be one non-blank line");
		}
		this.keys = keys;
		this.logName = logName;
		this.clock = clock;
	}

	/** The origin of a chain's checkpoints. */
	public String origin(String tenant) {
		if (tenant == null) {
			return this.logName + "/system";
		}
		return this.logName + "/tenant/" + URLEncoder.encode(tenant, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * The signed checkpoint of a chain at a size, given the root of its tree at that
	 * size.
	 */
	public SignedCheckpoint sign(String tenant, long size, byte[] root) {
		if (root.length != Merkle.HASH_LENGTH) {
			throw new IllegalArgumentException("a root has " + Merkle.HASH_LENGTH + " bytes");
		}
		Checkpoint checkpoint = new Checkpoint(origin(tenant), size, root);
		String note = this.keys.signer().sign(checkpoint.text()).format();
		return new SignedCheckpoint(tenant, checkpoint, note, this.clock.instant());
	}

	/** The keys that verify this signer's checkpoints, older ones included. */
	public SigningKeys keys() {
		return this.keys;
	}

}
