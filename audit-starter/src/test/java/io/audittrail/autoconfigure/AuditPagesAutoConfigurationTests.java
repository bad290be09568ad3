package io.audittrail.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;

import io.audittrail.web.ui.AuditPagesController;
import io.audittrail.web.ui.AuditReader;
import io.audittrail.web.ui.AuditReaderAccess;
import io.audittrail.web.ui.SpringSecurityReaderAccess;

import static org.assertj.core.api.Assertions.assertThat;

class AuditPagesAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuditPagesAutoConfiguration.class));

	@Test
	void servesThePagesToReadersCheckedBySpringSecurity() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(AuditPagesController.class);
			assertThat(context).getBean(AuditReaderAccess.class).isInstanceOf(SpringSecurityReaderAccess.class);
		});
	}

	@Test
	void backsOffWhenTheUserDefinesTheReaderAccess() {
		AuditReaderAccess own = (request) -> new AuditReader("own", true, null);
		this.runner.withBean(AuditReaderAccess.class, () -> own).run((context) -> {
			assertThat(context).getBean(AuditReaderAccess.class).isSameAs(own);
			assertThat(context).hasSingleBean(AuditPagesController.class);
		});
	}

	@Test
	void staysOffWithoutSpringSecurity() {
		this.runner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.run((context) -> assertThat(context).doesNotHaveBean(AuditPagesController.class)
				.doesNotHaveBean(AuditReaderAccess.class));
	}

	@Test
	void opensToEveryoneWithoutSpringSecurityOnlyWhenAllowed() {
		this.runner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.withPropertyValues("audit.web.allow-without-security=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(AuditPagesController.class);
				assertThat(context.getBean(AuditReaderAccess.class).requireViewer(new MockHttpServletRequest()).canRevert()).isFalse();
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
