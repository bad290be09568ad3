package io.audittrail.evidence;

import io.audittrail.core.AuditConfigurationException;

/**
 * The checkpoint signing key cannot be loaded, generated or stored; the message names the
 * property or file at fault.
 */
class SigningKeyException extends AuditConfigurationException {

	private static final long serialVersionUID = 1L;

	private static final String ACTION = "Fix the audit.integrity.signing property or the key file named above, or unset "
			+ "audit.integrity.signing.private-key and audit.integrity.signing.keystore to use a generated key.";

	SigningKeyException(String message) {
		super(message, ACTION, null);
	}

	SigningKeyException(String message, Throwable cause) {
		super(message, ACTION, cause);
	}

}
