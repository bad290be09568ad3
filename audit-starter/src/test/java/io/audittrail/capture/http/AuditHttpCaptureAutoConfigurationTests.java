package io.audittrail.capture.http;

import static io.audittrail.StarterAutoConfigurations.auditAutoConfiguration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.core.context.SecurityContextHolder;

import io.audittrail.capture.RequestCapture;
import io.audittrail.core.AuditEventStore;
import io.audittrail.security.SpringSecurityAuthTypeResolver;
import io.audittrail.spi.HttpAuthTypeResolver;
import io.audittrail.spi.SecretFields;

import static org.assertj.core.api.Assertions.assertThat;

class AuditHttpCaptureAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(auditAutoConfiguration("AuditAutoConfiguration"),
				auditAutoConfiguration("AuditServletAutoConfiguration"),
				auditAutoConfiguration("AuditSecurityAutoConfiguration"), AuditHttpCaptureAutoConfiguration.class))
		.withBean(AuditEventStore.class, () -> (events) -> {
		});

	@Test
	void isOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(HttpRequestRecorder.class)
			.doesNotHaveBean(HttpEventWriter.class));
	}

	@Test
	void capturesRequestsJustBeforeTheSecurityFilters() {
		this.contextRunner.withPropertyValues("audit.http.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(HttpRequestRecorder.class)
				.hasSingleBean(HttpEventWriter.class)
				.getBean(HttpAuthTypeResolver.class)
				.isInstanceOf(SpringSecurityAuthTypeResolver.class);
			assertThat(context.getBean(FilterRegistrationBean.class).getOrder()).isEqualTo(-101);
			assertThat(context.getBean(FilterRegistrationBean.class).getFilter()).isInstanceOf(HttpCaptureFilter.class);
			assertThat(context.getBean(RequestCapture.class)).isSameAs(context.getBean(HttpRequestRecorder.class));
		});
	}

	@Test
	void followsTheSecurityFilterOrder() {
		this.contextRunner.withPropertyValues("audit.http.enabled=true", "spring.security.filter.order=10")
			.run((context) -> assertThat(context.getBean(FilterRegistrationBean.class).getOrder()).isEqualTo(9));
	}

	@Test
	void backsOffWhenUserDefinesAuthTypeResolver() {
		HttpAuthTypeResolver own = (request) -> "MTLS";
		this.contextRunner.withPropertyValues("audit.http.enabled=true")
			.withBean(HttpAuthTypeResolver.class, () -> own)
			.run((context) -> assertThat(context).getBean(HttpAuthTypeResolver.class).isSameAs(own));
	}

	@Test
	void worksWithoutSpringSecurity() {
		this.contextRunner.withPropertyValues("audit.http.enabled=true")
			.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(HttpAuthTypeResolver.class)
				.isNotInstanceOf(SpringSecurityAuthTypeResolver.class));
	}

	@Test
	void isOffWhenTheAuditLogIs() {
		this.contextRunner.withPropertyValues("audit.enabled=false", "audit.http.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(HttpRequestRecorder.class));
	}

	@Test
	void badPathPatternFailsTheStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("audit.http.enabled=true", "audit.http.exclude-paths=/api/**/drafts")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("audit.http.exclude-paths: '/api/**/drafts' is not a valid path pattern"));
	}

	@Test
	void badQueueSizeFailsTheStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("audit.http.enabled=true", "audit.http.queue-capacity=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("audit.http.queue-capacity must be at least 1, but is 0"));
	}

	@Test
	void masksDefaultSecretFieldsAndTheNamesOfMaskFields() {
		this.contextRunner.withPropertyValues("audit.http.enabled=true", "audit.http.mask-fields=pin,member_no")
			.run((context) -> {
				Masking masking = context.getBean(Masking.class);
				assertThat(masking.isSecret("client_secret")).isTrue();
				assertThat(masking.isSecret("PIN")).isTrue();
				assertThat(masking.isSecret("memberNo")).isTrue();
				assertThat(masking.isSecret("title")).isFalse();
			});
	}

	@Test
	void backsOffWhenUserDefinesSecretFieldsAndStillAddsMaskFields() {
		this.contextRunner.withPropertyValues("audit.http.enabled=true", "audit.http.mask-fields=pin")
			.withBean(SecretFields.class, () -> (name) -> name.equals("code"))
			.run((context) -> {
				Masking masking = context.getBean(Masking.class);
				assertThat(masking.isSecret("code")).isTrue();
				assertThat(masking.isSecret("pin")).isTrue();
				assertThat(masking.isSecret("password")).isFalse();
			});
	}

	@Test
	void bodyLimitAboveWhatTheColumnHoldsFailsTheStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("audit.http.enabled=true", "audit.http.max-body-bytes=64MB")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageStartingWith("audit.http.max-body-bytes must be between 0 and 409600 bytes (400KB)"));
	}

}
