package io.audittrail.store;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.FactoryBean;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

import io.audittrail.autoconfigure.AuditProperties;
import io.audittrail.core.AuditEventStore;
import io.audittrail.core.FailurePolicy;

/**
 * Auto-configuration of the audit log's storage in the application's database: the one
 * owner of the starter's tables and of every statement on them, offered to the other
 * parts through its ports. The audit tables are migrated after the application's own
 * Flyway migrations and before JPA starts.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
		beforeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(AuditProperties.class)
final class AuditStoreAutoConfiguration {

	static final String SCHEMA_INITIALIZER = "auditSchemaInitializer";

	static final String APPEND_ONLY = "auditAppendOnlyTables";

	@Bean
	@ConditionalOnMissingBean
	AuditEventStore auditEventStore(DataSource dataSource, AuditProperties properties) {
		return new JdbcAuditEventStore(dataSource, new EventRows(JsonMapper.builder().build()),
				StoreDialect.of(dataSource), properties.getFailurePolicy() == FailurePolicy.LOG);
	}

	@Bean
	@ConditionalOnMissingBean
	RequestStatusStore auditRequestStatusStore(DataSource dataSource) {
		return new JdbcRequestStatusStore(dataSource);
	}

	@Bean
	@ConditionalOnMissingBean
	ChainStore auditChainStore(DataSource dataSource) {
		return new JdbcChainStore(dataSource, StoreDialect.of(dataSource));
	}

	@Bean
	@ConditionalOnMissingBean
	CheckpointStore auditCheckpointStore(DataSource dataSource) {
		return new JdbcCheckpointStore(dataSource);
	}

	@Bean
	@ConditionalOnMissingBean
	ChainTrees auditChainTrees(DataSource dataSource, CheckpointStore checkpoints) {
		return new JdbcChainTrees(dataSource, checkpoints);
	}

	@Bean
	@ConditionalOnMissingBean
	RetentionStore auditRetentionStore(DataSource dataSource) {
		return new JdbcRetentionStore(dataSource, StoreDialect.of(dataSource));
	}

	@Bean
	@ConditionalOnMissingBean
	ColumnPreferenceStore auditColumnPreferenceStore(DataSource dataSource) {
		return new JdbcColumnPreferences(dataSource);
	}

	@Bean(APPEND_ONLY)
	@ConditionalOnBooleanProperty(name = "audit.store.append-only")
	AppendOnlyTables auditAppendOnlyTables(DataSource dataSource, ObjectProvider<AuditSchemaInitializer> schema) {
		// the tables exist before their triggers
		schema.getIfAvailable();
		return new AppendOnlyTables(dataSource, StoreDialect.of(dataSource));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "audit.store.initialize-schema", matchIfMissing = true)
	static class SchemaConfiguration {

		@Bean(SCHEMA_INITIALIZER)
		AuditSchemaInitializer auditSchemaInitializer(DataSource dataSource) {
			return new AuditSchemaInitializer(dataSource);
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass({ EntityManagerFactory.class, AbstractEntityManagerFactoryBean.class })
		static class JpaDependsOnSchema {

			@Bean
			static AbstractDependsOnBeanFactoryPostProcessor entityManagerFactoryDependsOnAuditSchema() {
				return new DependsOnSchema(EntityManagerFactory.class, AbstractEntityManagerFactoryBean.class);
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(FlywayMigrationInitializer.class)
		static class SchemaAfterApplicationMigrations {

			@Bean
			static BeanFactoryPostProcessor auditSchemaAfterFlyway() {
				return (beanFactory) -> {
					if (beanFactory.containsBeanDefinition(SCHEMA_INITIALIZER)) {
						String[] migrations = beanFactory.getBeanNamesForType(FlywayMigrationInitializer.class, true,
								false);
						beanFactory.getBeanDefinition(SCHEMA_INITIALIZER).setDependsOn(migrations);
					}
				};
			}

		}

	}

	/**
	 * Makes beans of a type wait for the audit schema, so that its tables exist before
	 * they start.
	 */
	private static final class DependsOnSchema extends AbstractDependsOnBeanFactoryPostProcessor {

		DependsOnSchema(Class<?> beanClass, Class<? extends FactoryBean<?>> factoryBeanClass) {
			super(beanClass, factoryBeanClass, SCHEMA_INITIALIZER);
		}

	}

}
