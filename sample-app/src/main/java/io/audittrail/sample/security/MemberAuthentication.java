package io.audittrail.sample.security;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

import io.audittrail.core.Actor;
import io.audittrail.core.AuditPrincipal;
import io.audittrail.spi.HttpAuthTypeResolver;

/**
 * A signed-in member (by session or JWT) acting on one service, with the authorities of
 * their role there. Lives for one request only.
 */
public final class MemberAuthentication extends AbstractAuthenticationToken implements AuditPrincipal {

	private final Authentication signIn;

	private final String email;

	MemberAuthentication(Authentication signIn, String email, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.signIn = signIn;
		this.email = email;
		setAuthenticated(true);
	}

	/** How the member signed in: the session's or the JWT's authentication. */
	public Authentication signIn() {
		return this.signIn;
	}

	/**
	 * How the request authenticated, as the audit log records it: {@code JWT} for a
	 * bearer token, else {@code SESSION}.
	 */
	public String authType() {
		return (this.signIn instanceof AbstractOAuth2TokenAuthenticationToken<?>) ? HttpAuthTypeResolver.JWT
				: HttpAuthTypeResolver.SESSION;
	}

	@Override
	public String getName() {
		return this.email;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return this.email;
	}

	@Override
	public Actor auditActor() {
		return Actor.member(this.email, this.email);
	}

}
