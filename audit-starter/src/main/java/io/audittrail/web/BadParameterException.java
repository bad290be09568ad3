package io.audittrail.web;

/**
 * Thrown when a request parameter is malformed; answered with 400 and a problem detail naming it.
 */
public class BadParameterException extends RuntimeException {

	private final String parameter;

	public BadParameterException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	/** The name of the bad parameter. */
	public String getParameter() {
		return this.parameter;
	}

}
