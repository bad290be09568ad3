package io.audittrail.integrity;

import static io.audittrail.StarterAutoConfigurations.auditAutoConfiguration;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.audittrail.store.ChainStore;

import static org.assertj.core.api.Assertions.assertThat;

class AuditIntegrityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				auditAutoConfiguration("AuditStoreAutoConfiguration"), auditAutoConfiguration("AuditAutoConfiguration"),
				AuditIntegrityAutoConfiguration.class, auditAutoConfiguration("AuditRetentionAutoConfiguration")));

	@Test
	void sealsAndVerifiesByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ChainSealer.class)
				.hasSingleBean(SealingSchedule.class)
				.hasSingleBean(AuditIntegrity.class);
			assertThat(context.getBean(SealingSchedule.class).isRunning()).isTrue();
		});
	}

	@Test
	void backsOffWhenUserDefinesVerification() {
		this.runner.withUserConfiguration(UserIntegrity.class)
			.run((context) -> assertThat(context).getBean(AuditIntegrity.class).isSameAs(context.getBean("custom")));
	}

	@Test
	void integritySwitchesOff() {
		this.runner.withPropertyValues("audit.integrity.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ChainSealer.class)
				.doesNotHaveBean(AuditIntegrity.class));
	}

	@Test
	void sealsWhenRetentionIsOff() {
		this.runner.withPropertyValues("audit.retention.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(ChainSealer.class));
	}

	@Test
	void nonPositiveSealIntervalStopsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("audit.integrity.seal-interval=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("audit.integrity.seal-interval must be positive");
		});
	}

	@Test
	void nothingWhenTheAuditLogIsOff() {
		this.runner.withPropertyValues("audit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ChainSealer.class)
				.doesNotHaveBean(AuditIntegrity.class));
	}

	@Test
	void nothingWithoutADataSource() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AuditIntegrityAutoConfiguration.class,
					auditAutoConfiguration("AuditRetentionAutoConfiguration")))
			.run((context) -> assertThat(context).doesNotHaveBean(ChainSealer.class).doesNotHaveBean(DataSource.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserIntegrity {

		@Bean
		AuditIntegrity custom(ChainStore store) {
			return new AuditIntegrity(store);
		}

	}

}
