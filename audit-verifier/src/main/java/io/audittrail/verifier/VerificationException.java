package io.audittrail.verifier;

/**
 * Evidence that does not hold, or input that cannot be evidence; the message says which
 * and why.
 */
public class VerificationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public VerificationException(String message) {
		super(message);
	}

	public VerificationException(String message, Throwable cause) {
		super(message, cause);
	}

}
