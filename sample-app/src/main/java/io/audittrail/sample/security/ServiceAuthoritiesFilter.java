package io.audittrail.sample.security;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

import io.audittrail.sample.service.CurrentTenant;
import io.audittrail.sample.service.ServicePermissions;

/**
 * Gives a signed-in member, for one request, the authorities of their role in the service
 * the path names ({@code /api/v1/services/{serviceId}/...}); elsewhere, those they hold
 * in any service. The replaced authentication is not stored in the session.
 */
final class ServiceAuthoritiesFilter extends OncePerRequestFilter {

	private static final Pattern SERVICE_PATH = Pattern.compile("^/api/v1/services/([^/]+)(/.*)?$");

	private final ServicePermissions permissions;

	ServiceAuthoritiesFilter(ServicePermissions permissions) {
		this.permissions = permissions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication signIn = SecurityContextHolder.getContext().getAuthentication();
		if (signIn == null || signIn instanceof AnonymousAuthenticationToken || !signIn.isAuthenticated()) {
			chain.doFilter(request, response);
			return;
		}
		String email = email(signIn);
		Matcher path = SERVICE_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		Set<String> authorities;
		if (path.matches()) {
			String serviceId = path.group(1);
			CurrentTenant.set(serviceId);
			authorities = this.permissions.authorities(email, serviceId);
		}
		else {
			authorities = this.permissions.authoritiesInAnyService(email);
		}
		SecurityContext original = SecurityContextHolder.getContext();
		SecurityContext scoped = SecurityContextHolder.createEmptyContext();
		scoped.setAuthentication(new MemberAuthentication(signIn, email,
				AuthorityUtils.createAuthorityList(authorities.toArray(String[]::new))));
		SecurityContextHolder.setContext(scoped);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.setContext(original);
		}
	}

	private static String email(Authentication signIn) {
		if (signIn.getPrincipal() instanceof Jwt jwt && jwt.getClaimAsString("email") != null) {
			return jwt.getClaimAsString("email");
		}
		return signIn.getName();
	}

}
