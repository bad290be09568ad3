package io.audittrail.evidence;

/**
 * The checkpoint signing key cannot be loaded, generated or stored; the message names the property
 * or file at fault.
 */
public class SigningKeyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public SigningKeyException(String message) {
		super(message);
	}

	public SigningKeyException(String message, Throwable cause) {
		super(message, cause);
	}

}
