package io.audittrail.capture;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * Thrown when an audited call cannot be recorded, such as when an expression fails or the
 * audit store rejects a write, under the failure policy {@code fail}: the business call
 * fails with it.
 */
@API(status = Status.STABLE, since = "0.2")
public class AuditRecordingException extends RuntimeException {

	public AuditRecordingException(String message, Throwable cause) {
		super(message, cause);
	}

}
