package io.audittrail.web;

/**
 * Thrown when a request parameter is malformed; answered with 400 and a problem detail
 * naming it.
 */
class BadParameterException extends RuntimeException {

	private final String parameter;

	BadParameterException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	/** The name of the bad parameter. */
	String getParameter() {
		return this.parameter;
	}

}
