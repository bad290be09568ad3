package io.audittrail.capture;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.envers.AuditReader;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import io.audittrail.autoconfigure.AuditProperties;

/**
 * Auto-configuration that binds events to Hibernate Envers revisions: registers the
 * starter's revision entity, writes events after Envers has written the revision, has
 * Hibernate write in JDBC batches, and stops the start-up when audited entities' Envers
 * mapping or tables are incomplete.
 */
@AutoConfiguration(beforeName = { "io.audittrail.capture.AuditAutoConfiguration",
		"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration" })
@ConditionalOnClass({ AuditReader.class, EntityManagerFactory.class, EntityManagerFactoryBuilderCustomizer.class,
		HibernatePropertiesCustomizer.class })
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditProperties.class)
final class AuditEnversAutoConfiguration {

	@Bean
	EntityManagerFactoryBuilderCustomizer auditRevisionEntityCustomizer() {
		return (builder) -> builder
			.addPersistenceUnitPostProcessors((unit) -> unit.addManagedClassName(AuditRevision.class.getName()));
	}

	@Bean
	HibernatePropertiesCustomizer auditJdbcBatching(AuditProperties properties) {
		return new JdbcBatching(properties.getEntities().getJdbcBatchSize());
	}

	@Bean
	HibernatePropertiesCustomizer auditRevisionInsertCompletion() {
		return new RevisionInsertCompletion();
	}

	@Bean
	HibernatePropertiesCustomizer auditEnversMappingCheck() {
		return new EnversMappingCheck();
	}

	@Bean
	CommitHook auditHibernateCommitHook(ObjectProvider<EntityManagerFactory> entityManagerFactory) {
		return new HibernateCommitHook(entityManagerFactory);
	}

}
