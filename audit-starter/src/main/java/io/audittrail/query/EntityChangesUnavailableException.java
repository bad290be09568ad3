package io.audittrail.query;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * Thrown when the entity history of an entry cannot be loaded, typically because an
 * audited entity's Envers table or columns do not match its mapping. The message says
 * what could not be read and why.
 */
@API(status = Status.INTERNAL, since = "0.2")
public class EntityChangesUnavailableException extends RuntimeException {

	public EntityChangesUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
