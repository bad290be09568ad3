package io.audittrail.capture;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.audittrail.autoconfigure.AuditProperties;
import io.audittrail.catalog.OperationCatalog;
import io.audittrail.core.AuditEventStore;
import io.audittrail.spi.ActorResolver;
import io.audittrail.spi.RequestOriginResolver;
import io.audittrail.spi.TenantResolver;
import io.audittrail.spi.TraceContextResolver;

/**
 * Auto-configuration of the audit log's capture: the catalog, the {@code @Audited} aspect
 * and the transaction-bound event writer.
 */
@AutoConfiguration(after = TransactionAutoConfiguration.class,
		afterName = { "io.audittrail.store.AuditStoreAutoConfiguration",
				"io.audittrail.security.AuditSecurityAutoConfiguration",
				"io.audittrail.capture.web.AuditServletAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditProperties.class)
final class AuditAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OperationCatalog auditOperationCatalog(ResourcePatternResolver resources, AuditProperties properties) {
		return OperationCatalog.load(resources, properties.getCatalog().getLocations());
	}

	@Bean
	@ConditionalOnMissingBean
	ActorResolver auditActorResolver() {
		return ActorResolver.system();
	}

	@Bean
	@ConditionalOnMissingBean
	TenantResolver auditTenantResolver() {
		return TenantResolver.none();
	}

	@Bean
	@ConditionalOnMissingBean
	RequestOriginResolver auditRequestOriginResolver() {
		return RequestOriginResolver.none();
	}

	@Bean
	@ConditionalOnMissingBean
	EventContextResolver auditEventContextResolver(ActorResolver actors, TenantResolver tenants,
			RequestOriginResolver origins, ObjectProvider<RequestCapture> requests,
			ObjectProvider<TraceContextResolver> traces) {
		return new EventContextResolver(actors, tenants, origins, requests.getIfAvailable(RequestCapture::none),
				traces.getIfAvailable(TraceContextResolver::none));
	}

	@Bean
	AuditedMethods auditedMethods(OperationCatalog catalog, ResourcePatternResolver resources,
			ConfigurableListableBeanFactory beanFactory) {
		return new AuditedMethods(catalog, resources.getClassLoader(), new BeanFactoryResolver(beanFactory));
	}

	@Bean
	AuditedMethodScanner auditedMethodScanner(ConfigurableListableBeanFactory beanFactory, AuditedMethods methods) {
		return new AuditedMethodScanner(beanFactory, methods);
	}

	@Bean
	@ConditionalOnBean(AuditEventStore.class)
	@ConditionalOnMissingBean
	TransactionalEventWriter auditEventWriter(AuditEventStore store, OperationCatalog catalog,
			AuditProperties properties, ObjectProvider<PlatformTransactionManager> transactionManager,
			ObjectProvider<CommitHook> commitHook, ObjectProvider<MeterRegistry> meters,
			ObjectProvider<RequestCapture> requests) {
		TransactionTemplate ownTransaction = transactionManager.getIfUnique(() -> null) != null
				? new TransactionTemplate(transactionManager.getIfUnique()) : null;
		if (ownTransaction != null) {
			ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		}
		return new TransactionalEventWriter(store, catalog,
				new TransactionalEventWriter.Settings(properties.getFailurePolicy(),
						properties.getEntities().isRecordUnannotated()),
				ownTransaction, commitHook.getIfAvailable(), meters.getIfUnique(), Clock.systemUTC(),
				requests.getIfAvailable(RequestCapture::none));
	}

	@Bean
	@ConditionalOnBean(TransactionalEventWriter.class)
	RevisionRecorder auditRevisionRecorder(TransactionalEventWriter writer) {
		return RevisionRecorder.of(writer);
	}

	@Bean
	@ConditionalOnBean(TransactionalEventWriter.class)
	AuditedCallRecorder auditedCallRecorder(AuditedMethods methods, OperationCatalog catalog,
			EventContextResolver contexts, TransactionalEventWriter writer, AuditProperties properties) {
		return new AuditedCallRecorder(methods, catalog, contexts, writer,
				new AuditedCallRecorder.Settings(properties.isRecordFailures(), properties.isRecordNested()),
				Clock.systemUTC());
	}

	@Bean
	@ConditionalOnBean(TransactionalEventWriter.class)
	StarterOperations auditStarterOperations(OperationCatalog catalog, EventContextResolver contexts,
			TransactionalEventWriter writer, AuditProperties properties,
			ObjectProvider<PlatformTransactionManager> transactionManager) {
		return new StarterOperations(catalog, contexts, writer, transactionManager.getIfUnique(),
				properties.isRecordFailures(), Clock.systemUTC());
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static AuditedMethodAdvisor auditedMethodAdvisor(ObjectProvider<AuditedCallRecorder> recorder,
			ObjectProvider<PlatformTransactionManager> transactionManager) {
		return new AuditedMethodAdvisor(recorder, transactionManager);
	}

}
