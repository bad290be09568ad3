package io.audittrail.store;

/**
 * Names of hash chains: one per tenant and one for system-level events.
 */
final class Chains {

	/** The key of the chain of system-level events, those of no tenant. */
	public static final String SYSTEM = "*";

	private Chains() {
	}

	/**
	 * The key of the chain that holds the tenant's events; {@code null} is the
	 * system-level chain.
	 */
	public static String keyOf(String tenant) {
		return (tenant != null) ? "=" + tenant : SYSTEM;
	}

	/**
	 * The SQL condition that selects the events of a tenant, {@code null} meaning
	 * system-level.
	 */
	static String tenantCondition(String tenant) {
		return (tenant != null) ? "e.tenant = ?" : "e.tenant is null";
	}

	/** The parameters of {@link #tenantCondition(String)} followed by the given ones. */
	static Object[] tenantParameters(String tenant, Object... more) {
		if (tenant == null) {
			return more;
		}
		Object[] parameters = new Object[more.length + 1];
		parameters[0] = tenant;
		System.arraycopy(more, 0, parameters, 1, more.length);
		return parameters;
	}

}
