package io.audittrail.catalog;

import io.audittrail.core.AuditConfigurationException;

/**
 * Thrown when a catalog file cannot be read or says something invalid. The message names
 * the file and, where known, the line.
 */
class CatalogException extends AuditConfigurationException {

	private static final long serialVersionUID = 1L;

	private static final String ACTION = "Correct the audit catalog file named above.";

	public CatalogException(String message) {
		super(message, ACTION, null);
	}

	public CatalogException(String message, Throwable cause) {
		super(message, ACTION, cause);
	}

}
