package io.audittrail.integrity.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Lets callers read who are authenticated with the view authority of {@code audit.security}.
 */
public final class SecurityViewAccess implements ViewAccess {

	private final String authority;

	public SecurityViewAccess(String authority) {
		this.authority = authority;
	}

	@Override
	public HttpStatus refusal() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return HttpStatus.UNAUTHORIZED;
		}
		for (GrantedAuthority granted : authentication.getAuthorities()) {
			if (this.authority.equals(granted.getAuthority())) {
				return null;
			}
		}
		return HttpStatus.FORBIDDEN;
	}

}
