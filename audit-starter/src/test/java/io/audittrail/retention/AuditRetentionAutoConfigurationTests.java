package io.audittrail.retention;

import static io.audittrail.StarterAutoConfigurations.auditAutoConfiguration;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.audittrail.spi.TenantRetentionPolicy;

import static org.assertj.core.api.Assertions.assertThat;

class AuditRetentionAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				auditAutoConfiguration("AuditStoreAutoConfiguration"), auditAutoConfiguration("AuditAutoConfiguration"),
				auditAutoConfiguration("AuditIntegrityAutoConfiguration"), AuditRetentionAutoConfiguration.class));

	@Test
	void purgesByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RetentionJob.class).hasSingleBean(RetentionSchedule.class);
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
	void retentionOfLessThanOneDayStopsTheStartNamingTheProperty() {
		for (String days : new String[] { "0", "-1" }) {
			this.runner.withPropertyValues("audit.retention.days=" + days)
				.run((context) -> assertThat(context).getFailure()
					.rootCause()
					.hasMessageContaining("audit.retention.days must be at least 1, not " + days));
		}
		this.runner.withPropertyValues("audit.retention.days=1")
			.run((context) -> assertThat(context).hasSingleBean(RetentionJob.class));
	}

	@Test
	void purgesWhenIntegrityIsOff() {
		this.runner.withPropertyValues("audit.integrity.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(RetentionJob.class));
	}

	@Test
	void retentionSwitchesOff() {
		this.runner.withPropertyValues("audit.retention.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RetentionJob.class));
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
	void nothingWhenTheAuditLogIsOff() {
		this.runner.withPropertyValues("audit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RetentionJob.class));
	}

}
