package io.audittrail.capture;

import static io.audittrail.StarterAutoConfigurations.auditAutoConfiguration;

import org.hibernate.envers.AuditReader;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.core.Actor;
import io.audittrail.core.AuditEventStore;
import io.audittrail.spi.ActorResolver;
import io.audittrail.spi.RequestOriginResolver;
import io.audittrail.spi.TenantResolver;
import io.audittrail.store.AuditSchemaInitializer;

import static org.assertj.core.api.Assertions.assertThat;

class AuditAutoConfigurationTests {

	private static final AutoConfigurations AUDIT = AutoConfigurations.of(AuditAutoConfiguration.class,
			auditAutoConfiguration("AuditStoreAutoConfiguration"),
			auditAutoConfiguration("AuditEnversAutoConfiguration"),
			auditAutoConfiguration("AuditSecurityAutoConfiguration"),
			auditAutoConfiguration("AuditServletAutoConfiguration"));

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, TransactionAutoConfiguration.class))
		.withConfiguration(AUDIT)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig-${random.uuid}");

	@Test
	void recordsWithDefaultsOnAPlainDataSource() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(OperationCatalog.class)
				.hasSingleBean(AuditedMethodAdvisor.class)
				.hasSingleBean(AuditedCallRecorder.class)
				.hasSingleBean(TransactionalEventWriter.class)
				.hasSingleBean(AuditSchemaInitializer.class)
				.hasSingleBean(CommitHook.class);
			assertThat(context.getBean(AuditEventStore.class).getClass().getSimpleName())
				.isEqualTo("JdbcAuditEventStore");
			assertThat(context.getBean(ActorResolver.class).getClass().getSimpleName())
				.isEqualTo("SpringSecurityActorResolver");
			assertThat(context.getBean(OperationCatalog.class).find("audit.revert")).isPresent();
		});
	}

	@Test
	void disabledLeavesTheApplicationAsIfTheStarterWereAbsent() {
		this.runner.withPropertyValues("audit.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeanNamesForType(OperationCatalog.class)).isEmpty();
			assertThat(context.getBeanNamesForType(AuditedMethodAdvisor.class)).isEmpty();
			assertThat(context.getBeanNamesForType(AuditEventStore.class)).isEmpty();
			assertThat(context.getBeanNamesForType(ActorResolver.class)).isEmpty();
			assertThat(context.getBeanNamesForType(CommitHook.class)).isEmpty();
			assertThat(context.getBeanNamesForType(AuditSchemaInitializer.class)).isEmpty();
		});
	}

	@Test
	void backsOffWhenUserDefinesStoreAndResolvers() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context.getBean(AuditEventStore.class)).isSameAs(UserBeans.STORE);
			assertThat(context.getBean(ActorResolver.class)).isSameAs(UserBeans.ACTORS);
			assertThat(context.getBean(TenantResolver.class)).isSameAs(UserBeans.TENANTS);
			assertThat(context.getBean(RequestOriginResolver.class)).isSameAs(UserBeans.ORIGINS);
		});
	}

	@Test
	void leavesTheSchemaToTheApplicationWhenAsked() {
		this.runner.withPropertyValues("audit.store.initialize-schema=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AuditSchemaInitializer.class));
	}

	@Test
	void worksWithoutEnvers() {
		this.runner.withClassLoader(new FilteredClassLoader(AuditReader.class)).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(AuditedCallRecorder.class);
			assertThat(context.getBeanNamesForType(CommitHook.class)).isEmpty();
		});
	}

	@Test
	void recordsTheSystemAsActorWithoutSpringSecurity() {
		this.runner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ActorResolver.class).currentActor()).isEqualTo(Actor.system());
		});
	}

	@Test
	void needsNoDataSourceToStartButRecordsNothingWithoutAStore() {
		new ApplicationContextRunner().withConfiguration(AUDIT).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(OperationCatalog.class);
			assertThat(context.getBeanNamesForType(AuditedCallRecorder.class)).isEmpty();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final AuditEventStore STORE = (events) -> {
		};

		static final ActorResolver ACTORS = () -> Actor.member("u1", "user@example.test");

		static final TenantResolver TENANTS = () -> "t1";

		static final RequestOriginResolver ORIGINS = RequestOriginResolver.none();

		@Bean
		AuditEventStore userStore() {
			return STORE;
		}

		@Bean
		ActorResolver userActors() {
			return ACTORS;
		}

		@Bean
		TenantResolver userTenants() {
			return TENANTS;
		}

		@Bean
		RequestOriginResolver userOrigins() {
			return ORIGINS;
		}

	}

}
