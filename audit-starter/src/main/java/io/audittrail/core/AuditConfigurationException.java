package io.audittrail.core;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * Thrown at start-up when the audit log is set up wrongly: an {@code @Audited} annotation
 * names an unknown operation or holds an expression that does not parse or would read the
 * wrong value, the Envers mapping of audited entities is incomplete, a catalog file is
 * invalid, or the signing key cannot be loaded. The message names the method, class,
 * table, file or property; the action says how to fix it, and the start-up failure report
 * shows both.
 */
@API(status = Status.STABLE, since = "0.2")
public class AuditConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private static final String DEFAULT_ACTION = "Fix what the message names: use an operation id from the audit "
			+ "catalog (audit/operations.yml) or add the operation there, correct the expression, or complete the "
			+ "Envers mapping and tables as shown.";

	private final String action;

	public AuditConfigurationException(String message) {
		this(message, DEFAULT_ACTION, null);
	}

	public AuditConfigurationException(String message, Throwable cause) {
		this(message, DEFAULT_ACTION, cause);
	}

	/**
	 * @param message what is wrong, naming the method, class, table, file or property
	 * @param action how to fix it
	 * @param cause the underlying failure, or {@code null}
	 */
	protected AuditConfigurationException(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	/** How to fix what the message names, as the start-up failure report shows it. */
	public String getAction() {
		return this.action;
	}

}
