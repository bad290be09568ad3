package io.audittrail.spi;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * Resolves the tenant (service, site or workspace) of the current call. Called on the
 * calling thread; implementations must be thread-safe.
 */
@API(status = Status.STABLE, since = "0.2")
@FunctionalInterface
public interface TenantResolver {

	/** The current tenant, or {@code null} for a system-level call. */
	String currentTenant();

	/** A resolver for applications without tenants: every event is system-level. */
	static TenantResolver none() {
		return () -> null;
	}

}
