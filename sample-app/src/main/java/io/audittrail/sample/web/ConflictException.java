package io.audittrail.sample.web;

/**
 * Thrown when a change does not fit the current state, such as publishing a published
 * content: 409.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
