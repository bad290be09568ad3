package io.audittrail.testapp;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import io.audittrail.core.TenantScope;
import io.audittrail.spi.TenantAccessPolicy;

/**
 * Security of the test application: HTTP Basic with session-style CSRF protection, and
 * tenant access through authorities named {@code tenant:<id>}.
 */
@Configuration(proxyBeanMethods = false)
public class TestSecurity {

	/** Password of the test users. */
	public static final String PASSWORD = "test-password";

	@Bean
	SecurityFilterChain testSecurityFilterChain(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	UserDetailsService testUsers() {
		return new InMemoryUserDetailsManager(User.withUsername("auditor@demo.test")
			.password("{noop}" + PASSWORD)
			.authorities("viewAuditLog", "auditSystem")
			.build());
	}

	/**
	 * Readers with {@code tenant:<id>} authorities see only those tenants, others see
	 * all; readers with {@code revert-tenant:<id>} authorities revert only in those
	 * tenants, others where they see.
	 */
	@Bean
	TenantAccessPolicy testTenantAccessPolicy() {
		return new TenantAccessPolicy() {

			@Override
			public TenantScope readableTenants(Authentication authentication) {
				Set<String> tenants = tenants(authentication, "tenant:");
				return tenants.isEmpty() ? TenantScope.everything() : TenantScope.only(tenants);
			}

			@Override
			public TenantScope revertibleTenants(Authentication authentication) {
				Set<String> tenants = tenants(authentication, "revert-tenant:");
				return tenants.isEmpty() ? readableTenants(authentication) : TenantScope.only(tenants);
			}

		};
	}

	private static Set<String> tenants(Authentication authentication, String prefix) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith(prefix))
			.map((authority) -> authority.substring(prefix.length()))
			.collect(Collectors.toSet());
	}

}
