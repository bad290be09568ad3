package io.audittrail.sample.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

import tools.jackson.databind.json.JsonMapper;

import io.audittrail.sample.schema.ApiKeys;
import io.audittrail.sample.service.CurrentTenant;
import io.audittrail.sample.service.MemberRepository;
import io.audittrail.sample.service.ServicePermissions;
import io.audittrail.security.SpringSecurityAuthTypeResolver;
import io.audittrail.spi.HttpAuthTypeResolver;
import io.audittrail.spi.TenantResolver;

/**
 * Who may call what: the Content and Management APIs take an API key; everything else
 * takes a member signed in on the login page (session, CSRF protected) or a JWT from
 * {@code POST /api/auth/token} (no CSRF token needed).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final Log logger = LogFactory.getLog(SecurityConfiguration.class);

	@Bean
	@Order(1)
	SecurityFilterChain tokenEndpoint(HttpSecurity http) throws Exception {
		return http.securityMatcher("/api/auth/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain contentApis(HttpSecurity http, ApiKeys apiKeys, JsonMapper json) throws Exception {
		return http.securityMatcher(SecurityConfiguration::isApiKeyRequest)
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, json), AuthorizationFilter.class)
			.build();
	}

	/**
	 * Members. JSON requests (the admin API and the audit log's API) without a bearer
	 * token or session cookie need no CSRF token either: there is no session a forged
	 * request could ride on, and they are answered with 401.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain members(HttpSecurity http, ServicePermissions permissions) throws Exception {
		RequestMatcher jsonApi = (request) -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| request.getRequestURI().startsWith(request.getContextPath() + "/audit/api/");
		return http
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/error").permitAll().anyRequest().authenticated())
			.formLogin((form) -> form.permitAll())
			.logout((logout) -> logout.permitAll())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> {
			}))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(SecurityConfiguration::hasBearerToken,
					(request) -> jsonApi.matches(request) && request.getRequestedSessionId() == null))
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), jsonApi))
			.addFilterBefore(new ServiceAuthoritiesFilter(permissions), AuthorizationFilter.class)
			.build();
	}

	@Bean
	UserDetailsService memberAccounts(MemberRepository members) {
		return (email) -> members.findByEmail(email)
			.map((member) -> User.withUsername(member.email).password(member.passwordHash).build())
			.orElseThrow(() -> new UsernameNotFoundException("No member account for " + email));
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService accounts, PasswordEncoder passwordEncoder) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
		provider.setPasswordEncoder(passwordEncoder);
		return new ProviderManager(provider);
	}

	@Bean
	JwtSigningKey jwtSigningKey(@Value("${cms.security.jwt-secret:}") String secret) {
		if (secret.isBlank()) {
			byte[] generated = new byte[32];
			new SecureRandom().nextBytes(generated);
			logger.info("No cms.security.jwt-secret is set: signing tokens with a generated key, "
					+ "so tokens stop working when the application restarts");
			return new JwtSigningKey(new SecretKeySpec(generated, "HmacSHA256"));
		}
		byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < 32) {
			throw new IllegalStateException("cms.security.jwt-secret must be at least 32 bytes long");
		}
		return new JwtSigningKey(new SecretKeySpec(bytes, "HmacSHA256"));
	}

	@Bean
	JwtDecoder jwtDecoder(JwtSigningKey key) {
		return NimbusJwtDecoder.withSecretKey(key.secret()).macAlgorithm(MacAlgorithm.HS256).build();
	}

	@Bean
	JwtEncoder jwtEncoder(JwtSigningKey key) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(key.secret()));
	}

	/**
	 * A member's request runs as a {@link MemberAuthentication} that stands in for how
	 * they signed in, so the auth type is taken from that sign-in; other requests are
	 * told apart as usual.
	 */
	@Bean
	HttpAuthTypeResolver memberAuthTypes() {
		HttpAuthTypeResolver others = new SpringSecurityAuthTypeResolver();
		return (request) -> (SecurityContextHolder.getContext()
			.getAuthentication() instanceof MemberAuthentication member) ? member.authType() : others.authType(request);
	}

	@Bean
	TenantResolver tenantResolver() {
		return CurrentTenant::get;
	}

	static boolean isApiKeyRequest(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/management/") || (path.startsWith("/api/v1/") && !path.equals("/api/v1/services")
				&& !path.startsWith("/api/v1/services/"));
	}

	/**
	 * Requests with a bearer token carry no session cookie, so they need no CSRF token.
	 */
	private static boolean hasBearerToken(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	/** The key that signs and verifies member tokens. */
	record JwtSigningKey(SecretKey secret) {

		@Override
		public String toString() {
			return "JwtSigningKey[HmacSHA256]";
		}

	}

}
