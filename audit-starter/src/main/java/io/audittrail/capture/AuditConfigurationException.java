package io.audittrail.capture;

/**
 * Thrown at start-up when an {@code @Audited} annotation names an unknown operation or holds an
 * expression that does not parse. The message names the method.
 */
public class AuditConfigurationException extends RuntimeException {

	public AuditConfigurationException(String message) {
		super(message);
	}

	public AuditConfigurationException(String message, Throwable cause) {
		super(message, cause);
	}

}
