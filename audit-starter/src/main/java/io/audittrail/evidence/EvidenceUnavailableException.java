package io.audittrail.evidence;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * Thrown when the evidence asked for cannot be given, with the reason and a message for
 * the reader.
 */
@API(status = Status.EXPERIMENTAL, since = "0.2")
public class EvidenceUnavailableException extends RuntimeException {

	private final Reason reason;

	EvidenceUnavailableException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	/** Why the evidence cannot be given. */
	public Reason getReason() {
		return this.reason;
	}

	/** Why evidence cannot be given. */
	public enum Reason {

		/** The chain has no sealed event in the period asked for. */
		NO_EVENTS,

		/** The proofs would need leaves that retention removed. */
		REMOVED,

		/** The chain no longer extends its latest checkpoint. */
		CHAIN_BROKEN

	}

}
