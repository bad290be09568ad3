package io.audittrail.autoconfigure;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.audittrail.integrity.AuditIntegrity;
import io.audittrail.integrity.ChainSealer;
import io.audittrail.integrity.SealingSchedule;
import io.audittrail.retention.AuditTables;
import io.audittrail.retention.RetentionJob;
import io.audittrail.retention.RetentionSchedule;
import io.audittrail.retention.TenantRetentionPolicy;
import io.audittrail.store.AuditStoreAutoConfiguration;
import io.audittrail.store.ChainStore;

import static org.assertj.core.api.Assertions.assertThat;

class AuditIntegrityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, AuditStoreAutoConfiguration.class,
				AuditAutoConfiguration.class, AuditIntegrityAutoConfiguration.class,
				AuditRetentionAutoConfiguration.class));

	@Test
	void sealsVerifiesAndPurgesByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ChainSealer.class)
				.hasSingleBean(SealingSchedule.class)
				.hasSingleBean(AuditIntegrity.class)
				.hasSingleBean(RetentionJob.class)
				.hasSingleBean(RetentionSchedule.class);
			assertThat(context.getBean(SealingSchedule.class).isRunning()).isTrue();
			assertThat(context.getBean(RetentionSchedule.class).isRunning()).isTrue();
			assertThat(context).doesNotHaveBean(AuditTables.class);
			assertThat(context.getBean(RetentionJob.class).retentionDays("demo")).isNull();
		});
	}

	@Test
	void retentionDaysComeFromPropertiesAndTheTenantPolicy() {
		this.runner.withPropertyValues("audit.retention.days=3")
			.withBean(TenantRetentionPolicy.class,
					() -> (tenant) -> tenant.equals("demo") ? Integer.valueOf(90) : tenant.equals("low") ? 0 : null)
			.run((context) -> {
				RetentionJob job = context.getBean(RetentionJob.class);
				assertThat(job.retentionDays("demo")).isEqualTo(90);
				assertThat(job.retentionDays("low")).isEqualTo(1);
				assertThat(job.retentionDays("other")).isEqualTo(3);
				assertThat(job.retentionDays(null)).isEqualTo(3);
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
				.doesNotHaveBean(AuditIntegrity.class)
				.hasSingleBean(RetentionJob.class));
	}

	@Test
	void retentionSwitchesOff() {
		this.runner.withPropertyValues("audit.retention.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RetentionJob.class).hasSingleBean(ChainSealer.class));
	}

	@Test
	void retentionScheduleCanBeDisabledWithADash() {
		this.runner.withPropertyValues("audit.retention.cron=-")
			.run((context) -> assertThat(context.getBean(RetentionSchedule.class).isRunning()).isFalse());
	}

	@Test
	void invalidCronStopsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("audit.retention.cron=every day").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("audit.retention.cron is not a valid cron expression: 'every day'");
		});
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
				.doesNotHaveBean(RetentionJob.class)
				.doesNotHaveBean(AuditIntegrity.class));
	}

	@Test
	void nothingWithoutADataSource() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AuditIntegrityAutoConfiguration.class,
					AuditRetentionAutoConfiguration.class))
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
