package io.audittrail.capture;

import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Thrown at start-up when an {@code @Audited} annotation names an unknown operation or holds an
 * expression that does not parse or would read the wrong value, or when the Envers mapping of audited
 * entities is incomplete. The message names the method, class or table, and the fix.
 */
@API(status = Status.STABLE, since = "0.2")
public class AuditConfigurationException extends RuntimeException {

	public AuditConfigurationException(String message) {
		super(message);
	}

	public AuditConfigurationException(String message, Throwable cause) {
		super(message, cause);
	}

}
