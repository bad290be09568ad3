package io.audittrail.capture.web;

import static io.audittrail.StarterAutoConfigurations.auditAutoConfiguration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.web.context.request.RequestContextHolder;

import io.audittrail.spi.RequestOriginResolver;

import static org.assertj.core.api.Assertions.assertThat;

class AuditServletAutoConfigurationTests {

	private static final AutoConfigurations AUDIT = AutoConfigurations.of(
			auditAutoConfiguration("AuditAutoConfiguration"), auditAutoConfiguration("AuditStoreAutoConfiguration"),
			auditAutoConfiguration("AuditEnversAutoConfiguration"),
			auditAutoConfiguration("AuditSecurityAutoConfiguration"), AuditServletAutoConfiguration.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, TransactionAutoConfiguration.class))
		.withConfiguration(AUDIT)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig-${random.uuid}");

	@Test
	void readsNoRequestOriginOutsideServletApplications() {
		this.runner.run((context) -> assertThat(context.getBean(RequestOriginResolver.class))
			.isNotInstanceOf(ServletRequestOriginResolver.class));
		this.runner.withClassLoader(new FilteredClassLoader(RequestContextHolder.class))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void readsRequestOriginInServletApplications() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, TransactionAutoConfiguration.class))
			.withConfiguration(AUDIT)
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig-web",
					"audit.web.trusted-proxies=10.0.0.0/8")
			.run((context) -> assertThat(context.getBean(RequestOriginResolver.class))
				.isInstanceOf(ServletRequestOriginResolver.class));
	}

}
