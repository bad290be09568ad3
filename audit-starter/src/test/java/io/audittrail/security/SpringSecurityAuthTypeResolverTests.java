package io.audittrail.security;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import io.audittrail.core.Actor;
import io.audittrail.core.AuditPrincipal;

import static org.assertj.core.api.Assertions.assertThat;

class SpringSecurityAuthTypeResolverTests {

	private final SpringSecurityAuthTypeResolver resolver = new SpringSecurityAuthTypeResolver();

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api");

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void apiKeyPrincipalIsApiKey() {
		AuditPrincipal key = () -> Actor.apiKey("k-1", "Deploy bot");
		signIn(UsernamePasswordAuthenticationToken.authenticated(key, null, List.of()));

		assertThat(this.resolver.authType(this.request)).isEqualTo("API_KEY");
	}

	@Test
	void memberPrincipalIsNotApiKey() {
		AuditPrincipal member = () -> Actor.member("m-1", "editor@demo.test");
		signIn(UsernamePasswordAuthenticationToken.authenticated(member, null, List.of()));

		assertThat(this.resolver.authType(this.request)).isNull();
	}

	@Test
	void jwtIsJwt() {
		Jwt jwt = Jwt.withTokenValue("t").header("alg", "HS256").subject("m-1").issuedAt(Instant.now()).build();
		signIn(new JwtAuthenticationToken(jwt, List.of()));

		assertThat(this.resolver.authType(this.request)).isEqualTo("JWT");
	}

	@Test
	void authenticationKeptInTheSessionIsSession() {
		Authentication signedIn = UsernamePasswordAuthenticationToken.authenticated("editor@demo.test", null,
				List.of());
		signIn(signedIn);
		this.request.getSession(true)
			.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
					new SecurityContextImpl(signedIn));

		assertThat(this.resolver.authType(this.request)).isEqualTo("SESSION");
	}

	@Test
	void authenticationPerRequestWithoutSessionHasNoAuthType() {
		signIn(new TestingAuthenticationToken("editor@demo.test", null, List.of()));

		assertThat(this.resolver.authType(this.request)).isNull();
	}

	@Test
	void anonymousOrNoAuthenticationHasNoAuthType() {
		assertThat(this.resolver.authType(this.request)).isNull();
		signIn(new AnonymousAuthenticationToken("key", "anonymous",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		assertThat(this.resolver.authType(this.request)).isNull();
	}

	private static void signIn(Authentication authentication) {
		if (authentication instanceof TestingAuthenticationToken testing) {
			testing.setAuthenticated(true);
		}
		SecurityContextHolder.getContext().setAuthentication(authentication);
	}

}
