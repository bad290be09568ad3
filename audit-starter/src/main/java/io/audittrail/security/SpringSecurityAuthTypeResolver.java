package io.audittrail.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.util.ClassUtils;

import io.audittrail.core.ActorType;
import io.audittrail.core.AuditPrincipal;
import io.audittrail.spi.HttpAuthTypeResolver;

/**
 * Tells how a request authenticated from Spring Security's current authentication: an
 * {@link AuditPrincipal} that stands for an API key is {@code API_KEY}; a JWT or other
 * bearer token is {@code JWT}; an authentication kept in the HTTP session (a sign-in
 * form) is {@code SESSION}; anything else, and no authentication, is {@code null}.
 */
@API(status = Status.STABLE, since = "0.2")
public final class SpringSecurityAuthTypeResolver implements HttpAuthTypeResolver {

	private static final ClassLoader CLASS_LOADER = SpringSecurityAuthTypeResolver.class.getClassLoader();

	private static final boolean JWT_PRESENT = ClassUtils.isPresent("org.springframework.security.oauth2.jwt.Jwt",
			CLASS_LOADER);

	private static final boolean RESOURCE_SERVER_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken",
			CLASS_LOADER);

	@Override
	public String authType(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return null;
		}
		if (isApiKey(authentication)) {
			return API_KEY;
		}
		if ((JWT_PRESENT && authentication.getPrincipal() instanceof Jwt)
				|| (RESOURCE_SERVER_PRESENT && authentication instanceof AbstractOAuth2TokenAuthenticationToken<?>)) {
			return JWT;
		}
		HttpSession session = request.getSession(false);
		if (session != null
				&& session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null) {
			return SESSION;
		}
		return null;
	}

	private static boolean isApiKey(Authentication authentication) {
		AuditPrincipal principal = (authentication instanceof AuditPrincipal own) ? own
				: (authentication.getPrincipal() instanceof AuditPrincipal held) ? held : null;
		return principal != null && principal.auditActor().type() == ActorType.API_KEY;
	}

}
