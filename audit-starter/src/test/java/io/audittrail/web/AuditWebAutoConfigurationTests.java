package io.audittrail.web;

import static io.audittrail.StarterAutoConfigurations.auditAutoConfiguration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;

import io.audittrail.core.TenantScope;
import io.audittrail.spi.TenantAccessPolicy;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AuditWebAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				auditAutoConfiguration("AuditStoreAutoConfiguration"), auditAutoConfiguration("AuditAutoConfiguration"),
				auditAutoConfiguration("AuditAccessAutoConfiguration"), AuditWebAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:web-autoconfig", "audit.store.initialize-schema=false");

	@Test
	void servesTheApiWhenSpringSecurityIsPresent() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(AuditApiController.class)
			.hasSingleBean(AuditCatalogController.class)
			.hasSingleBean(AuditAccess.class)
			.hasSingleBean(TenantAccessPolicy.class));
	}

	@Test
	void limitsConcurrentDownloadsAsConfiguredAndRefusesALimitBelowOne() {
		this.contextRunner.withPropertyValues("audit.web.max-concurrent-downloads=2")
			.run((context) -> assertThat(context.getBean(Downloads.class).available()).isEqualTo(2));
		this.contextRunner.run((context) -> assertThat(context.getBean(Downloads.class).available()).isEqualTo(4));
		this.contextRunner.withPropertyValues("audit.web.max-concurrent-downloads=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("audit.web.max-concurrent-downloads must be at least 1, not 0"));
	}

	@Test
	void backsOffWithoutSpringSecurityAndSaysWhy(CapturedOutput output) {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AuditApiController.class));
		assertThat(output).contains("The audit log's JSON API is off: Spring Security is not on the classpath");
	}

	@Test
	void servesTheApiWithoutSpringSecurityOnlyWhenAllowed() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.withPropertyValues("audit.web.allow-without-security=true")
			.run((context) -> assertThat(context).hasSingleBean(AuditApiController.class)
				.hasSingleBean(AuditAccess.class)
				.doesNotHaveBean(TenantAccessPolicy.class));
	}

	@Test
	void backsOffWhenSwitchedOff() {
		this.contextRunner.withPropertyValues("audit.web.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AuditApiController.class));
	}

	@Test
	void backsOffWhenTheAuditLogIsSwitchedOff() {
		this.contextRunner.withPropertyValues("audit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AuditApiController.class));
	}

	@Test
	void backsOffOutsideServletApplications() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				auditAutoConfiguration("AuditStoreAutoConfiguration"), auditAutoConfiguration("AuditAutoConfiguration"),
				auditAutoConfiguration("AuditAccessAutoConfiguration"), AuditWebAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:web-autoconfig",
					"audit.store.initialize-schema=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AuditApiController.class));
	}

	@Test
	void usesTheApplicationsTenantAccessPolicy() {
		this.contextRunner.withUserConfiguration(OwnPolicy.class)
			.run((context) -> assertThat(context).getBean(TenantAccessPolicy.class)
				.isSameAs(context.getBean(OwnPolicy.class).policy));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnPolicy {

		final TenantAccessPolicy policy = (authentication) -> TenantScope.only(Set.of("demo"));

		@Bean
		TenantAccessPolicy ownTenantAccessPolicy() {
			return this.policy;
		}

	}

}
