package io.audittrail.web;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;

import io.audittrail.core.TenantScope;
import io.audittrail.spi.TenantAccessPolicy;

/**
 * Readers from Spring Security's current authentication, their tenants from the
 * {@link TenantAccessPolicy}. A caller who is not signed in gets an exception whose cause
 * is Spring Security's own, so that its entry point asks a browser to sign in.
 */
final class SpringSecurityReaders implements AuditAccess.Readers {

	private final TenantAccessPolicy tenants;

	SpringSecurityReaders(TenantAccessPolicy tenants) {
		this.tenants = tenants;
	}

	@Override
	public AuditAccess.SignedIn signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return null;
		}
		Set<String> granted = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		return new AuditAccess.SignedIn() {

			@Override
			public String name() {
				return authentication.getName();
			}

			@Override
			public boolean holds(String authority) {
				return granted.contains(authority);
			}

			@Override
			public TenantScope readableTenants() {
				return SpringSecurityReaders.this.tenants.readableTenants(authentication);
			}

			@Override
			public TenantScope revertibleTenants() {
				return SpringSecurityReaders.this.tenants.revertibleTenants(authentication);
			}

			@Override
			public Collection<String> authoritiesIn(String tenant) {
				return SpringSecurityReaders.this.tenants.authoritiesIn(authentication, tenant);
			}

		};
	}

	@Override
	public AuditAccessException notSignedIn(String message) {
		return new AuditAccessException(HttpStatus.UNAUTHORIZED, message,
				new InsufficientAuthenticationException(message));
	}

	@Override
	public AuditAccess.CsrfValue csrf(HttpServletRequest request) {
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			return new AuditAccess.CsrfValue(token.getHeaderName(), token.getToken());
		}
		return null;
	}

}
