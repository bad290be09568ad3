package io.audittrail.spi;

import java.util.Collection;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import io.audittrail.core.TenantScope;

/**
 * Says which tenants' entries a signed-in reader may see and revert. Asked by the audit
 * log's access decision on every call of the JSON API, the admin pages and the integrity
 * and evidence endpoints, after the authorities are checked; implementations must be
 * thread-safe.
 */
@API(status = Status.STABLE, since = "0.2")
@FunctionalInterface
public interface TenantAccessPolicy {

	/** The tenants whose entries the reader may see. */
	TenantScope readableTenants(Authentication authentication);

	/** The tenants whose changes the reader may revert; by default those they may see. */
	default TenantScope revertibleTenants(Authentication authentication) {
		return readableTenants(authentication);
	}

	/**
	 * The authorities the reader holds in one tenant, against which the catalog's
	 * {@code authority} of a change is checked before it is reverted; by default those of
	 * the authentication.
	 * @param authentication the reader
	 * @param tenant the tenant of the entry, {@code null} for system-level entries
	 */
	default Collection<String> authoritiesIn(Authentication authentication, String tenant) {
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
	}

	/**
	 * Every reader sees every tenant: for applications without tenants or with one
	 * trusted team.
	 */
	static TenantAccessPolicy allTenants() {
		return (authentication) -> TenantScope.everything();
	}

}
