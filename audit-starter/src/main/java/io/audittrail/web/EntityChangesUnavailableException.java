package io.audittrail.web;

/**
 * Thrown when the entity history of an entry cannot be loaded, typically because an
 * audited entity's Envers table or columns do not match its mapping. The message says
 * what could not be read and why.
 */
class EntityChangesUnavailableException extends RuntimeException {

	public EntityChangesUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
