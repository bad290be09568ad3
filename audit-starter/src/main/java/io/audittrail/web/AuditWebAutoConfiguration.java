package io.audittrail.web;

import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.envers.AuditReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import io.audittrail.autoconfigure.AuditProperties;
import io.audittrail.capture.StarterOperations;
import io.audittrail.catalog.OperationCatalog;
import io.audittrail.evidence.AuditEvidence;
import io.audittrail.integrity.AuditIntegrity;
import io.audittrail.spi.RevertGuard;
import io.audittrail.store.ChainTrees;
import io.audittrail.store.CheckpointStore;
import io.audittrail.store.ColumnPreferenceStore;
import io.audittrail.store.EventQuery;

/**
 * Auto-configuration of the audit log's JSON API in servlet applications, with the
 * integrity and evidence endpoints when those features are on; on whenever the access
 * decision is (see {@code AuditAccessAutoConfiguration}).
 */
@AutoConfiguration(afterName = { "io.audittrail.capture.AuditAutoConfiguration",
		"io.audittrail.store.AuditStoreAutoConfiguration", "io.audittrail.web.AuditAccessAutoConfiguration",
		"io.audittrail.integrity.AuditIntegrityAutoConfiguration",
		"io.audittrail.evidence.AuditEvidenceAutoConfiguration",
		"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "audit.web.enabled", matchIfMissing = true)
@ConditionalOnBean({ AuditAccess.class, DataSource.class, OperationCatalog.class, ColumnPreferenceStore.class })
@EnableConfigurationProperties(AuditProperties.class)
final class AuditWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EventQuery auditEventQuery(DataSource dataSource, ObjectProvider<PlatformTransactionManager> transactionManager) {
		PlatformTransactionManager manager = transactionManager.getIfUnique();
		TransactionOperations readOnly = TransactionOperations.withoutTransaction();
		if (manager != null) {
			TransactionTemplate template = new TransactionTemplate(manager);
			template.setReadOnly(true);
			readOnly = template;
		}
		return new EventQuery(dataSource, readOnly, JsonMapper.builder().build());
	}

	@Bean
	@ConditionalOnMissingBean
	CursorCodec auditCursorCodec(AuditProperties properties) {
		String secret = properties.getWeb().getCursorSecret();
		return (secret != null) ? new CursorCodec(secret.getBytes(StandardCharsets.UTF_8))
				: CursorCodec.withRandomKey();
	}

	@Bean
	Downloads auditDownloads(AuditProperties properties) {
		return new Downloads(properties.getWeb().getMaxConcurrentDownloads());
	}

	@Bean
	AuditApiController auditApiController(AuditAccess access, EventQuery events, ObjectProvider<EntityChanges> changes,
			OperationCatalog catalog, CursorCodec cursors, ObjectProvider<StarterOperations> operations,
			ObjectProvider<RevertService> reverts, Downloads downloads) {
		return new AuditApiController(access, events, changes.getIfAvailable(EntityChanges::none), catalog, cursors,
				operations.getIfAvailable(), reverts.getIfAvailable(), downloads);
	}

	@Bean
	AuditCatalogController auditCatalogController(AuditAccess access, OperationCatalog catalog,
			ColumnPreferenceStore preferences) {
		return new AuditCatalogController(access, catalog, preferences);
	}

	@Bean
	AuditProblemHandler auditProblemHandler() {
		return new AuditProblemHandler();
	}

	@Bean
	ParameterScreen auditParameterScreen() {
		return new ParameterScreen();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(AuditIntegrity.class)
	static class IntegrityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		IntegrityController auditIntegrityController(AuditIntegrity integrity, AuditAccess access) {
			return new IntegrityController(integrity, access);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean({ AuditEvidence.class, ChainTrees.class, CheckpointStore.class })
	static class EvidenceConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CheckpointController auditCheckpointController(CheckpointStore checkpoints, ChainTrees trees, EventQuery events,
				AuditAccess access, AuditEvidence evidence, Downloads downloads) {
			return new CheckpointController(checkpoints, trees, events, access, evidence, downloads);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ AuditReader.class, EntityManagerFactory.class })
	@ConditionalOnBean(EntityManagerFactory.class)
	static class EnversConfiguration {

		@Bean
		@ConditionalOnMissingBean
		EntityChanges auditEntityChanges(EntityManagerFactory entityManagerFactory) {
			return new EnversEntityChanges(entityManagerFactory, JsonMapper.builder().build());
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(StarterOperations.class)
		RevertService auditRevertService(EventQuery events, OperationCatalog catalog,
				EntityManagerFactory entityManagerFactory, ObjectProvider<RevertGuard> guards,
				StarterOperations operations) {
			return new RevertService(events, catalog,
					SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory),
					JsonMapper.builder().build(), guards.orderedStream().toList(), operations);
		}

	}

}
