package io.audittrail.capture;

import static io.audittrail.StarterAutoConfigurations.auditAutoConfiguration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

import io.audittrail.annotation.Audited;
import io.audittrail.core.AuditConfigurationException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad annotation or catalog stops the application at start-up, with a message naming
 * the culprit.
 */
class AuditStartupFailureTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, TransactionAutoConfiguration.class,
				auditAutoConfiguration("AuditStoreAutoConfiguration"), AuditAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:startup-${random.uuid}");

	@Test
	void unknownOperationIdNamesTheMethodAndTheId() {
		this.runner.withBean(UnknownOperationService.class)
			.run((context) -> assertThat(cause(context.getStartupFailure(), AuditConfigurationException.class))
				.hasMessageContaining(UnknownOperationService.class.getName() + ".publish(String)")
				.hasMessageContaining("'content.publsh'"));
	}

	@Test
	void unknownOperationIdInAComputedIdIsFoundToo() {
		this.runner.withBean(UnknownComputedOperationService.class)
			.run((context) -> assertThat(cause(context.getStartupFailure(), AuditConfigurationException.class))
				.hasMessageContaining("names operation 'content.delete_drft'"));
	}

	@Test
	void brokenExpressionNamesTheMethodAndTheExpression() {
		this.runner.withBean(BrokenExpressionService.class)
			.run((context) -> assertThat(cause(context.getStartupFailure(), AuditConfigurationException.class))
				.hasMessageContaining(BrokenExpressionService.class.getName() + ".update(String)")
				.hasMessageContaining("entityId: '#id +'"));
	}

	@Test
	void undeclaredDetailItemNamesTheItem() {
		this.runner.withBean(UndeclaredDetailService.class)
			.run((context) -> assertThat(cause(context.getStartupFailure(), AuditConfigurationException.class))
				.hasMessageContaining("records detail item 'api_key_id'")
				.hasMessageContaining("[content.update]"));
	}

	@Test
	void resultReadWhileAParameterIsNamedResultNamesTheMethodAndTheFix() {
		this.runner.withBean(ResultParameterService.class)
			.run((context) -> assertThat(cause(context.getStartupFailure(), AuditConfigurationException.class))
				.hasMessageContaining(ResultParameterService.class.getName() + ".save(String, List)")
				.hasMessageContaining("reads #result in '!#result.isEmpty()'")
				.hasMessageContaining("rename the parameter or read it as #p1"));
	}

	@Test
	void beforeReadWhileAParameterIsNamedBeforeStopsTheStartUp() {
		this.runner.withBean(BeforeParameterService.class)
			.run((context) -> assertThat(cause(context.getStartupFailure(), AuditConfigurationException.class))
				.hasMessageContaining(BeforeParameterService.class.getName() + ".update(String)")
				.hasMessageContaining("#before is the value of the 'before' expression"));
	}

	@Test
	void catalogThatDoesNotParseNamesTheFileAndLine() {
		this.runner.withPropertyValues("audit.catalog.locations=classpath:catalogs/broken.yml")
			.run((context) -> assertThat(cause(context.getStartupFailure(), AuditConfigurationException.class))
				.hasMessageContaining("catalogs/broken.yml does not parse at line 6"));
	}

	@Test
	void catalogWithUnknownActionNamesTheFileAndLine() {
		this.runner.withPropertyValues("audit.catalog.locations=classpath:catalogs/bad-action.yml")
			.run((context) -> assertThat(cause(context.getStartupFailure(), AuditConfigurationException.class))
				.hasMessageContaining(
						"catalogs/bad-action.yml line 5: operation 'thing.create' has unknown action 'CRAETE'"));
	}

	private static Throwable cause(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return cause;
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + failure, failure);
	}

	static class UnknownOperationService {

		@Audited("content.publsh")
		public void publish(String id) {
		}

	}

	static class UnknownComputedOperationService {

		@Audited("#{#draft ? 'content.delete_drft' : 'content.update'}")
		public void publish(boolean draft) {
		}

	}

	static class BrokenExpressionService {

		@Audited(value = "content.update", entityId = "#id +")
		public void update(String id) {
		}

	}

	static class ResultParameterService {

		@Audited(value = "content.update", entityId = "#id", condition = "!#result.isEmpty()")
		public void save(String id, List<String> result) {
		}

	}

	static class BeforeParameterService {

		@Audited(value = "content.update", entityId = "#before")
		public void update(String before) {
		}

	}

	static class UndeclaredDetailService {

		@Audited(value = "content.update", details = @Audited.Detail(name = "api_key_id", value = "#id"))
		public void update(String id) {
		}

	}

}
