package io.audittrail.revert;

/**
 * Thrown when a change cannot be reverted; the message says why.
 */
public class RevertRefusedException extends RuntimeException {

	public RevertRefusedException(String reason) {
		super(reason);
	}

}
