package io.audittrail.web;

import org.springframework.http.HttpStatus;

/**
 * Thrown when the caller is not signed in (401) or may not do what they asked (403).
 */
class AuditAccessException extends RuntimeException {

	private final HttpStatus status;

	AuditAccessException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	/**
	 * With the framework's own exception as cause, so that its sign-in entry point can
	 * answer a page.
	 */
	AuditAccessException(HttpStatus status, String message, Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	public HttpStatus getStatus() {
		return this.status;
	}

}
