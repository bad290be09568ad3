package io.audittrail.web;

import org.springframework.http.HttpStatus;

/**
 * Thrown when the caller is not signed in (401) or lacks the authority for a call (403).
 */
public class AuditAccessException extends RuntimeException {

	private final HttpStatus status;

	public AuditAccessException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	public HttpStatus getStatus() {
		return this.status;
	}

}
