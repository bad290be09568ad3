package io.audittrail.web;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import io.audittrail.core.TenantScope;

/**
 * Decides who may read and revert the audit log: the view authority to read, the revert authority
 * to revert, the system authority (when set) to see system-level entries, and the
 * {@link TenantAccessPolicy} for the tenants. Not signed in gives 401, a missing authority 403.
 * Thread-safe.
 */
public final class AuditAccessControl {

	private final Gate gate;

	private AuditAccessControl(Gate gate) {
		this.gate = gate;
	}

	/**
	 * Access through Spring Security's current authentication.
	 * @param authorities the authorities needed
	 * @param tenants which tenants a reader may see and revert
	 */
	public static AuditAccessControl withSpringSecurity(Authorities authorities, TenantAccessPolicy tenants) {
		return new AuditAccessControl(new SpringSecurityGate(authorities, tenants));
	}

	/** Everyone may read and revert everything: only when explicitly allowed, for development. */
	public static AuditAccessControl open() {
		return new AuditAccessControl(new Gate() {

			@Override
			public AuditLogReader reader(boolean revert) {
				return new AuditLogReader("anonymous", TenantScope.everything());
			}

			@Override
			public void requireIn(String tenant, Collection<String> authorities) {
			}

		});
	}

	/**
	 * The current reader, who may read the log.
	 * @throws AuditAccessException when not signed in or without the view authority
	 */
	public AuditLogReader requireView() {
		return this.gate.reader(false);
	}

	/**
	 * The current reader, who may revert changes.
	 * @throws AuditAccessException when not signed in or without the view and revert authorities
	 */
	public AuditLogReader requireRevert() {
		return this.gate.reader(true);
	}

	/**
	 * Requires the current reader to hold the given authorities in a tenant, such as those the catalog
	 * names for reverting an operation.
	 * @param tenant the tenant, {@code null} for system-level entries
	 * @param authorities the authorities needed
	 * @throws AuditAccessException (403) naming the first authority missing
	 */
	public void requireAuthoritiesIn(String tenant, Collection<String> authorities) {
		if (!authorities.isEmpty()) {
			this.gate.requireIn(tenant, authorities);
		}
	}

	/**
	 * The authorities the audit log asks for.
	 *
	 * @param view needed to read
	 * @param revert needed to revert
	 * @param system needed to see system-level entries; {@code null} when the view authority suffices
	 */
	public record Authorities(String view, String revert, String system) {

	}

	private interface Gate {

		AuditLogReader reader(boolean revert);

		void requireIn(String tenant, Collection<String> authorities);

	}

	private static final class SpringSecurityGate implements Gate {

		private final Authorities authorities;

		private final TenantAccessPolicy tenants;

		SpringSecurityGate(Authorities authorities, TenantAccessPolicy tenants) {
			this.authorities = authorities;
			this.tenants = tenants;
		}

		@Override
		public AuditLogReader reader(boolean revert) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null || !authentication.isAuthenticated()
					|| authentication instanceof AnonymousAuthenticationToken) {
				throw new AuditAccessException(HttpStatus.UNAUTHORIZED, "Sign in to read the audit log.");
			}
			Set<String> granted = authentication.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.collect(Collectors.toSet());
			if (!granted.contains(this.authorities.view())) {
				throw new AuditAccessException(HttpStatus.FORBIDDEN,
						"Reading the audit log needs the authority '" + this.authorities.view() + "'.");
			}
			if (revert && !granted.contains(this.authorities.revert())) {
				throw new AuditAccessException(HttpStatus.FORBIDDEN,
						"Reverting a change needs the authority '" + this.authorities.revert() + "'.");
			}
			TenantScope scope = revert ? this.tenants.revertibleTenants(authentication)
					: this.tenants.readableTenants(authentication);
			boolean system = this.authorities.system() == null || granted.contains(this.authorities.system());
			return new AuditLogReader(authentication.getName(), scope.withSystem(scope.system() && system));
		}

		@Override
		public void requireIn(String tenant, Collection<String> authorities) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null) {
				throw new AuditAccessException(HttpStatus.UNAUTHORIZED, "Sign in to read the audit log.");
			}
			Collection<String> held = this.tenants.authoritiesIn(authentication, tenant);
			for (String authority : authorities) {
				if (!held.contains(authority)) {
					throw new AuditAccessException(HttpStatus.FORBIDDEN, "Reverting this change needs the authority '"
							+ authority + "'" + ((tenant != null) ? " in tenant '" + tenant + "'" : "")
							+ ", as making it does.");
				}
			}
		}

	}

}
