package io.audittrail.capture.http.app;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.audittrail.core.Actor;
import io.audittrail.core.AuditPrincipal;

/**
 * Signs in requests that carry the test API key in {@code X-API-KEY}.
 */
class ApiKeyFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (HttpTestApplication.API_KEY.equals(request.getHeader("X-API-KEY"))) {
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(new ApiKeyAuthentication());
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}

	static final class ApiKeyAuthentication extends AbstractAuthenticationToken implements AuditPrincipal {

		ApiKeyAuthentication() {
			super(List.of(new SimpleGrantedAuthority("ROLE_API")));
			setAuthenticated(true);
		}

		@Override
		public Actor auditActor() {
			return Actor.apiKey("key-1", "Deploy bot");
		}

		@Override
		public Object getCredentials() {
			return null;
		}

		@Override
		public Object getPrincipal() {
			return "Deploy bot";
		}

	}

}
