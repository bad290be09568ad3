package io.audittrail.capture.http.app;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.audittrail.spi.TenantResolver;
import io.audittrail.testapp.Article;
import io.audittrail.testapp.ArticleRepository;
import io.audittrail.testapp.ArticleService;

/**
 * A small secured web application for the HTTP capture tests: callers sign in with an API
 * key ({@code X-API-KEY}), a JWT, or a sign-in form (session); the workspace is the
 * {@code X-Workspace} header.
 */
@SpringBootApplication
@EntityScan(basePackageClasses = Article.class)
@EnableJpaRepositories(basePackageClasses = ArticleRepository.class)
@Import(ArticleService.class)
@PropertySource("classpath:http-capture.properties")
public class HttpTestApplication {

	public static final String API_KEY = "key-123";

	public static final String PASSWORD = "demo-password";

	private static final SecretKey JWT_KEY = new SecretKeySpec(
			"a-test-only-signing-key-of-32-bytes!".getBytes(StandardCharsets.UTF_8), "HmacSHA256");

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http.csrf((csrf) -> csrf.disable())
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/health/**", "/error")
				.permitAll()
				.requestMatchers("/admin/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.addFilterBefore(new ApiKeyFilter(), BasicAuthenticationFilter.class)
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> {
			}))
			.formLogin((form) -> {
			})
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			.build();
	}

	@Bean
	SimpleMeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("editor@demo.test").password("{noop}" + PASSWORD).roles("EDITOR").build(),
				User.withUsername("admin@demo.test").password("{noop}" + PASSWORD).roles("ADMIN").build());
	}

	@Bean
	JwtDecoder jwtDecoder() {
		return NimbusJwtDecoder.withSecretKey(JWT_KEY).macAlgorithm(MacAlgorithm.HS256).build();
	}

	@Bean
	TenantResolver workspaceTenantResolver() {
		return () -> (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet)
				? servlet.getRequest().getHeader("X-Workspace") : null;
	}

	/** A signed JWT for the member with the given id and email. */
	public static String jwt(String memberId, String email) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.subject(memberId)
			.claim("email", email)
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plus(1, ChronoUnit.HOURS))
			.build();
		return NimbusJwtEncoder.withSecretKey(JWT_KEY)
			.build()
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

}
