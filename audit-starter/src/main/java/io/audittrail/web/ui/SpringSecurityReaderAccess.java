package io.audittrail.web.ui;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Reads the reader from Spring Security's current authentication: viewing needs the view authority,
 * reverting the revert authority. A reader without authentication is sent to sign in (through Spring
 * Security's entry point); one without the view authority is refused with 403.
 */
public final class SpringSecurityReaderAccess implements AuditReaderAccess {

	private final String viewAuthority;

	private final String revertAuthority;

	public SpringSecurityReaderAccess(String viewAuthority, String revertAuthority) {
		this.viewAuthority = viewAuthority;
		this.revertAuthority = revertAuthority;
	}

	@Override
	public AuditReader requireViewer(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			throw new InsufficientAuthenticationException("Sign in to read the audit log");
		}
		if (!holds(authentication, this.viewAuthority)) {
			throw new ReaderNotAllowedException("Reading the audit log needs the authority " + this.viewAuthority);
		}
		return new AuditReader(authentication.getName(), holds(authentication, this.revertAuthority), csrf(request));
	}

	private static boolean holds(Authentication authentication, String authority) {
		for (GrantedAuthority granted : authentication.getAuthorities()) {
			if (authority.equals(granted.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	private static AuditReader.CsrfValue csrf(HttpServletRequest request) {
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			return new AuditReader.CsrfValue(token.getHeaderName(), token.getToken());
		}
		return null;
	}

}
