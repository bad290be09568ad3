package io.audittrail.web;

import static io.audittrail.StarterAutoConfigurations.auditAutoConfiguration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

class AuditPagesAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(auditAutoConfiguration("AuditAccessAutoConfiguration"),
				AuditPagesAutoConfiguration.class));

	@Test
	void servesThePagesToReadersCheckedBySpringSecurity() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(AuditPagesController.class);
			assertThatExceptionOfType(AuditAccessException.class)
				.isThrownBy(() -> context.getBean(AuditAccess.class).requireView())
				.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED));
		});
	}

	@Test
	void backsOffWhenTheUserDefinesTheAccessDecision() {
		AuditAccess own = mock(AuditAccess.class);
		this.runner.withBean(AuditAccess.class, () -> own).run((context) -> {
			assertThat(context).getBean(AuditAccess.class).isSameAs(own);
			assertThat(context).hasSingleBean(AuditPagesController.class);
		});
	}

	@Test
	void staysOffWithoutSpringSecurity() {
		this.runner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.run((context) -> assertThat(context).doesNotHaveBean(AuditPagesController.class)
				.doesNotHaveBean(AuditAccess.class));
	}

	@Test
	void opensToEveryoneWithoutSpringSecurityOnlyWhenAllowed() {
		this.runner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.withPropertyValues("audit.web.allow-without-security=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(AuditPagesController.class);
				assertThat(context.getBean(AuditAccess.class).requireView().canRevert()).isFalse();
			});
	}

	@Test
	void isOffWhenTheWebLayerOrTheAuditLogIsSwitchedOff() {
		this.runner.withPropertyValues("audit.web.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AuditPagesController.class));
		this.runner.withPropertyValues("audit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AuditPagesController.class));
	}

}
