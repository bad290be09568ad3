package io.audittrail.catalog;

/**
 * Thrown when a catalog file cannot be read or says something invalid. The message names the file
 * and, where known, the line.
 */
public class CatalogException extends RuntimeException {

	public CatalogException(String message) {
		super(message);
	}

	public CatalogException(String message, Throwable cause) {
		super(message, cause);
	}

}
