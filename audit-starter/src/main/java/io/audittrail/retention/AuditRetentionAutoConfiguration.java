package io.audittrail.retention;

import java.time.Clock;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.envers.AuditReader;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.audittrail.autoconfigure.AuditProperties;
import io.audittrail.capture.StarterOperations;
import io.audittrail.evidence.AuditEvidence;
import io.audittrail.spi.TenantRetentionPolicy;
import io.audittrail.store.RetentionStore;

/**
 * Auto-configuration of retention: the job that purges expired events and Envers
 * revisions, and its daily schedule.
 */
@AutoConfiguration(
		afterName = { "io.audittrail.capture.AuditAutoConfiguration", "io.audittrail.store.AuditStoreAutoConfiguration",
				"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "audit.retention.enabled", matchIfMissing = true)
@ConditionalOnBean({ RetentionStore.class, StarterOperations.class })
@EnableConfigurationProperties(AuditProperties.class)
final class AuditRetentionAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TenantRetentionPolicy auditTenantRetentionPolicy() {
		return TenantRetentionPolicy.none();
	}

	@Bean
	@ConditionalOnMissingBean
	RetentionJob auditRetentionJob(RetentionStore retentionStore, ObjectProvider<AuditTables> auditTables,
			TenantRetentionPolicy tenantPolicy, StarterOperations operations, AuditProperties properties,
			ObjectProvider<AuditEvidence> evidence, ObjectProvider<MeterRegistry> meters) {
		AuditProperties.Retention retention = properties.getRetention();
		Consumer<String> checkpoint = (tenant) -> evidence.ifAvailable((signing) -> signing.checkpointNow(tenant));
		return new RetentionJob(retentionStore, auditTables.getIfAvailable(AuditTables::none), tenantPolicy,
				new RetentionJob.Settings(retention.getDays(), retention.getBatchSize()), operations, checkpoint,
				meters.getIfUnique(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	RetentionSchedule auditRetentionSchedule(RetentionJob job, AuditProperties properties) {
		return new RetentionSchedule(job, properties.getRetention().getCron());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ AuditReader.class, EntityManagerFactory.class })
	@ConditionalOnBean(EntityManagerFactory.class)
	static class EnversTables {

		@Bean
		@ConditionalOnMissingBean
		AuditTables auditEnversTables(ObjectProvider<EntityManagerFactory> entityManagerFactory) {
			return new EnversAuditTables(entityManagerFactory.getObject());
		}

	}

}
