package io.audittrail.evidence;

import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * The checkpoint signing key cannot be loaded, generated or stored; the message names the property
 * or file at fault.
 */
@API(status = Status.EXPERIMENTAL, since = "0.2")
public class SigningKeyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public SigningKeyException(String message) {
		super(message);
	}

	public SigningKeyException(String message, Throwable cause) {
		super(message, cause);
	}

}
