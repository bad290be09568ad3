package io.audittrail.catalog;

import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Thrown when a catalog file cannot be read or says something invalid. The message names the file
 * and, where known, the line.
 */
@API(status = Status.INTERNAL, since = "0.2")
public class CatalogException extends RuntimeException {

	public CatalogException(String message) {
		super(message);
	}

	public CatalogException(String message, Throwable cause) {
		super(message, cause);
	}

}
