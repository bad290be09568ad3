package io.audittrail.capture;

/**
 * Thrown when an audited call cannot be recorded, such as when an expression fails or the audit store
 * rejects a write, under the failure policy {@code fail}: the business call fails with it.
 */
public class AuditRecordingException extends RuntimeException {

	public AuditRecordingException(String message, Throwable cause) {
		super(message, cause);
	}

}
