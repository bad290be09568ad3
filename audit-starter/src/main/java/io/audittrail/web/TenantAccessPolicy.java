package io.audittrail.web;

import org.springframework.security.core.Authentication;

import io.audittrail.query.TenantScope;

/**
 * Says which tenants' entries a signed-in reader may see and revert. Consulted on every call of the
 * JSON API after the authorities are checked; implementations must be thread-safe.
 */
@FunctionalInterface
public interface TenantAccessPolicy {

	/** The tenants whose entries the reader may see. */
	TenantScope readableTenants(Authentication authentication);

	/** The tenants whose changes the reader may revert; by default those they may see. */
	default TenantScope revertibleTenants(Authentication authentication) {
		return readableTenants(authentication);
	}

	/** Every reader sees every tenant: for applications without tenants or with one trusted team. */
	static TenantAccessPolicy allTenants() {
		return (authentication) -> TenantScope.everything();
	}

}
