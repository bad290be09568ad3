package io.audittrail.stream;

/**
 * Thrown when the broker did not acknowledge audit events: they stay in the audit
 * database and are sent again at the relay's next pass.
 */
class StreamPublishingException extends RuntimeException {

	StreamPublishingException(String message, Throwable cause) {
		super(message, cause);
	}

}
