package io.audittrail.spi;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * How long a tenant's audit log is kept, when it differs from
 * {@code audit.retention.days}. Implementations must be thread-safe; they are asked once
 * per tenant and retention run.
 */
@API(status = Status.STABLE, since = "0.2")
@FunctionalInterface
public interface TenantRetentionPolicy {

	/**
	 * The days the tenant's events are kept, or {@code null} to use the system default.
	 * Values below 1 are treated as 1.
	 * @param tenant the tenant, never {@code null}: system-level events always use the
	 * system default
	 */
	Integer retentionDays(String tenant);

	/** A policy that leaves every tenant on the system default. */
	static TenantRetentionPolicy none() {
		return (tenant) -> null;
	}

}
