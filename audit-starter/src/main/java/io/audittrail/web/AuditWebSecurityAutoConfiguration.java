package io.audittrail.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import io.audittrail.autoconfigure.AuditProperties;

/**
 * Protects the audit log's pages and API in an application that defines no security of
 * its own: a filter chain for {@code audit.web.base-path} only, so the application's own
 * endpoints stay as they were (no sign-in, no CSRF token). Readers sign in with HTTP
 * Basic; a request carrying no credentials needs no CSRF token and is answered 401. Backs
 * off as soon as the application defines a {@link SecurityFilterChain} of its own.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class })
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "audit.web.enabled", matchIfMissing = true)
@ConditionalOnMissingBean(SecurityFilterChain.class)
@EnableConfigurationProperties(AuditProperties.class)
final class AuditWebSecurityAutoConfiguration {

	@Bean
	SecurityFilterChain auditLogSecurityFilterChain(HttpSecurity http, AuditProperties properties) throws Exception {
		return http.securityMatcher(properties.getWeb().getBasePath() + "/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.ignoringRequestMatchers(AuditWebSecurityAutoConfiguration::carriesNoCredentials))
			.build();
	}

	/**
	 * A request with neither a session nor credentials cannot ride on a reader's sign-in.
	 */
	private static boolean carriesNoCredentials(HttpServletRequest request) {
		return request.getRequestedSessionId() == null && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
	}

}
