package io.audittrail.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestContextHolder;

import io.audittrail.core.Actor;
import io.audittrail.core.AuditPrincipal;
import io.audittrail.spi.ActorResolver;

/**
 * Resolves the actor from Spring Security's current authentication: an
 * {@link AuditPrincipal} says who it is; a JWT is a member named by its {@code email}
 * claim; any other authentication is a member named by the authentication's name. Without
 * authentication, a call inside an HTTP request is {@code ANONYMOUS}, any other (a
 * scheduled job) is {@code SYSTEM}.
 */
final class SpringSecurityActorResolver implements ActorResolver {

	private static final boolean JWT_PRESENT = ClassUtils.isPresent("org.springframework.security.oauth2.jwt.Jwt",
			SpringSecurityActorResolver.class.getClassLoader());

	private static final boolean WEB_PRESENT = ClassUtils.isPresent(
			"org.springframework.web.context.request.RequestContextHolder",
			SpringSecurityActorResolver.class.getClassLoader());

	@Override
	public Actor currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return inRequest() ? Actor.anonymous() : Actor.system();
		}
		if (authentication instanceof AuditPrincipal principal) {
			return principal.auditActor();
		}
		if (authentication.getPrincipal() instanceof AuditPrincipal principal) {
			return principal.auditActor();
		}
		if (JWT_PRESENT && authentication.getPrincipal() instanceof Jwt jwt) {
			String email = jwt.getClaimAsString("email");
			return Actor.member(jwt.getSubject(), (email != null) ? email : jwt.getSubject());
		}
		return Actor.member(authentication.getName(), authentication.getName());
	}

	private static boolean inRequest() {
		return WEB_PRESENT && RequestContextHolder.getRequestAttributes() != null;
	}

}
