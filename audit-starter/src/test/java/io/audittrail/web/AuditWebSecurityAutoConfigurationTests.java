package io.audittrail.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

class AuditWebSecurityAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuditWebSecurityAutoConfiguration.class,
				SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class));

	@Test
	void protectsTheAuditLogOnlyWhenTheApplicationHasNoSecurityOfItsOwn() {
		this.contextRunner.run((context) -> {
			SecurityFilterChain chain = context.getBean(SecurityFilterChain.class);
			assertThat(context).getBeanNames(SecurityFilterChain.class).containsExactly("auditLogSecurityFilterChain");
			assertThat(chain.matches(request("/audit/"))).isTrue();
			assertThat(chain.matches(request("/audit/api/events"))).isTrue();
			assertThat(chain.matches(request("/owners/new"))).isFalse();
			assertThat(chain.matches(request("/auditing"))).isFalse();
		});
	}

	@Test
	void followsTheBasePath() {
		this.contextRunner.withPropertyValues("audit.web.base-path=/admin/audit-log").run((context) -> {
			SecurityFilterChain chain = context.getBean(SecurityFilterChain.class);
			assertThat(chain.matches(request("/admin/audit-log/api/events"))).isTrue();
			assertThat(chain.matches(request("/audit/api/events"))).isFalse();
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnChain() {
		this.contextRunner.withUserConfiguration(OwnChain.class)
			.run((context) -> assertThat(context).getBeanNames(SecurityFilterChain.class).containsExactly("ownChain"));
	}

	@Test
	void backsOffWhenThePagesAreSwitchedOff() {
		this.contextRunner.withPropertyValues("audit.web.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("auditLogSecurityFilterChain"));
	}

	private static MockHttpServletRequest request(String path) {
		return new MockHttpServletRequest("GET", path);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnChain {

		@Bean
		SecurityFilterChain ownChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated()).build();
		}

	}

}
