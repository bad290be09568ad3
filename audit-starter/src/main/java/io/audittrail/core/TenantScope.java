package io.audittrail.core;

import java.util.Set;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * The tenants whose entries a reader may see.
 *
 * @param everyTenant whether every tenant's entries are visible
 * @param tenants the visible tenants when not all are
 * @param system whether system-level entries (of no tenant) are visible
 */
@API(status = Status.STABLE, since = "0.2")
public record TenantScope(boolean everyTenant, Set<String> tenants, boolean system) {

	public TenantScope {
		tenants = (tenants != null) ? Set.copyOf(tenants) : Set.of();
	}

	/** Every tenant and the system-level entries. */
	public static TenantScope everything() {
		return new TenantScope(true, Set.of(), true);
	}

	/** Every tenant. */
	public static TenantScope allTenants() {
		return new TenantScope(true, Set.of(), false);
	}

	/** Only the given tenants. */
	public static TenantScope only(Set<String> tenants) {
		return new TenantScope(false, tenants, false);
	}

	/** This scope, with or without the system-level entries. */
	public TenantScope withSystem(boolean system) {
		return new TenantScope(this.everyTenant, this.tenants, system);
	}

	/** Whether an entry of the given tenant ({@code null}: system-level) is visible. */
	public boolean includes(String tenant) {
		if (tenant == null) {
			return this.system;
		}
		return this.everyTenant || this.tenants.contains(tenant);
	}

}
