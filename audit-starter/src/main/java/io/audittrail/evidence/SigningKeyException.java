package io.audittrail.evidence;

import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

import io.audittrail.core.AuditConfigurationException;

/**
 * The checkpoint signing key cannot be loaded, generated or stored; the message names the property
 * or file at fault.
 */
@API(status = Status.EXPERIMENTAL, since = "0.2")
public class SigningKeyException extends AuditConfigurationException {

	private static final long serialVersionUID = 1L;

	private static final String ACTION = "Fix the audit.integrity.signing property or the key file named above, or unset "
			+ "audit.integrity.signing.private-key and audit.integrity.signing.keystore to use a generated key.";

	public SigningKeyException(String message) {
		super(message, ACTION, null);
	}

	public SigningKeyException(String message, Throwable cause) {
		super(message, ACTION, cause);
	}

}
