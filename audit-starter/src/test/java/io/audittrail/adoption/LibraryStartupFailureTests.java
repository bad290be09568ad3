package io.audittrail.adoption;

import static io.audittrail.StarterAutoConfigurations.auditAutoConfiguration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

import io.audittrail.adoption.library.LibraryApplication;
import io.audittrail.adoption.mistakes.Dated;
import io.audittrail.adoption.mistakes.ResultClashController;
import io.audittrail.adoption.mistakes.UnauditedParentApplication;
import io.audittrail.adoption.mistakes.Visit;
import io.audittrail.core.AuditConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The mistakes an adopting application makes stop its start-up with a message that names
 * the fix.
 */
class LibraryStartupFailureTests {

	@Test
	void missingEnversTablesStopTheStartUpWithTheDdlToAdd() {
		Throwable failure = start(LibraryApplication.class,
				"--spring.sql.init.schema-locations=classpath:library/schema.sql");

		assertThat(auditConfigurationFailure(failure)).hasMessageContaining("missing from the database (H2)")
			.hasMessageContaining("create table authors_aud (")
			.hasMessageContaining("create table books_aud (");
	}

	@Test
	void auditedEntityWithAnUnauditedMappedSuperclassStopsTheStartUpNamingTheClass() {
		Throwable failure = start(UnauditedParentApplication.class);

		assertThat(auditConfigurationFailure(failure))
			.hasMessageContaining(
					"Entity " + Visit.class.getName() + " is audited by Envers, but its @MappedSuperclass "
							+ Dated.class.getName() + " is not, so its fields [date] would be missing from every entry")
			.hasMessageContaining("annotate " + Dated.class.getName() + " with @org.hibernate.envers.Audited")
			.hasMessageContaining("@AuditOverride(forClass = Dated.class) on Visit");
	}

	@Test
	void resultReadWhileTheBindingResultIsNamedResultStopsTheStartUp() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					TransactionAutoConfiguration.class, auditAutoConfiguration("AuditStoreAutoConfiguration"),
					auditAutoConfiguration("AuditAutoConfiguration")))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:result-clash-${random.uuid}",
					"audit.catalog.locations=classpath*:audit/operations.yml,classpath:library/operations.yml")
			.withBean(ResultClashController.class)
			.run((context) -> assertThat(auditConfigurationFailure(context.getStartupFailure()))
				.hasMessageContaining(
						ResultClashController.class.getName() + ".processCreationForm(Author, BindingResult)")
				.hasMessageContaining(
						"reads #result in '!#result.hasErrors()', but #result is the method's return value, "
								+ "not the parameter 'result': rename the parameter or read it as #p1"));
	}

	private static Throwable start(Class<?> application, String... arguments) {
		return catchThrowable(() -> new SpringApplicationBuilder(application).profiles("library")
			.web(WebApplicationType.NONE)
			.run(arguments)
			.close());
	}

	private static Throwable auditConfigurationFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof AuditConfigurationException) {
				return cause;
			}
		}
		throw new AssertionError("The start-up did not fail on the audit configuration", failure);
	}

}
