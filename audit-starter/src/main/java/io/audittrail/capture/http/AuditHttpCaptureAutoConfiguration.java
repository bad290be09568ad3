package io.audittrail.capture.http;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.DispatcherType;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.audittrail.autoconfigure.AuditProperties;
import io.audittrail.core.AuditEventStore;
import io.audittrail.spi.ActorResolver;
import io.audittrail.spi.HttpAuthTypeResolver;
import io.audittrail.spi.RequestOriginResolver;
import io.audittrail.spi.SecretFields;
import io.audittrail.spi.TenantResolver;
import io.audittrail.spi.TraceContextResolver;
import io.audittrail.store.RequestStatusStore;

/**
 * Auto-configuration of HTTP request capture ({@code audit.http.enabled}): the capture
 * filter, placed just before the security filters, the interceptor that takes the caller,
 * the masking of secrets, and the asynchronous writer of request entries.
 */
@AutoConfiguration(afterName = { "io.audittrail.capture.AuditAutoConfiguration",
		"io.audittrail.capture.web.AuditServletAutoConfiguration",
		"io.audittrail.security.AuditSecurityAutoConfiguration", "io.audittrail.store.AuditStoreAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("audit.http.enabled")
@ConditionalOnBean(AuditEventStore.class)
@EnableConfigurationProperties(AuditProperties.class)
final class AuditHttpCaptureAutoConfiguration {

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

	@Bean
	@ConditionalOnMissingBean
	HttpAuthTypeResolver auditHttpAuthTypeResolver() {
		return HttpAuthTypeResolver.none();
	}

	@Bean
	@ConditionalOnMissingBean
	SecretFields auditSecretFields() {
		return SecretFields.defaults();
	}

	@Bean
	@ConditionalOnMissingBean
	Masking auditMasking(SecretFields secretFields, AuditProperties properties) {
		return new Masking(secretFields.or(SecretFields.named(properties.getHttp().getMaskFields())));
	}

	@Bean
	HttpEventWriter auditHttpEventWriter(AuditEventStore store, ObjectProvider<RequestStatusStore> statuses,
			ObjectProvider<PlatformTransactionManager> transactionManager, ObjectProvider<MeterRegistry> meters,
			AuditProperties properties) {
		AuditProperties.Http http = properties.getHttp();
		PlatformTransactionManager manager = transactionManager.getIfUnique();
		return new HttpEventWriter(store, statuses.getIfAvailable(),
				(manager != null) ? new TransactionTemplate(manager) : null,
				new HttpEventWriter.Settings(http.getQueueCapacity(), http.getBatchSize(), http.getFlushInterval(),
						http.getEnqueueTimeout(), SHUTDOWN_TIMEOUT),
				meters.getIfUnique());
	}

	@Bean
	HttpRequestRecorder auditHttpRequestRecorder(AuditProperties properties, ActorResolver actors,
			TenantResolver tenants, RequestOriginResolver origins, HttpAuthTypeResolver authTypes,
			ObjectProvider<TraceContextResolver> traces, HttpEventWriter writer, Masking masking) {
		AuditProperties.Http http = properties.getHttp();
		HttpCaptureSettings settings = HttpCaptureSettings.of(http.getMethods(), http.getIncludePaths(),
				http.getExcludePaths(), properties.getWeb().getBasePath(), http.getIncludeHeaders(),
				http.getApiKeyHeaders(), http.getMaxBodyBytes().toBytes(), http.isIncludeBody(), http.isIncludeQuery(),
				http.isIncludePathParameters());
		return new HttpRequestRecorder(settings, actors, tenants, origins, authTypes,
				traces.getIfAvailable(TraceContextResolver::none), writer, JsonMapper.builder().build(), masking,
				Clock.systemUTC());
	}

	@Bean
	FilterRegistrationBean<HttpCaptureFilter> auditHttpCaptureFilter(HttpRequestRecorder recorder,
			Environment environment) {
		FilterRegistrationBean<HttpCaptureFilter> registration = new FilterRegistrationBean<>(
				new HttpCaptureFilter(recorder));
		// Just before the security filters, so that the requests they reject are recorded
		// too.
		registration.setOrder(environment.getProperty("spring.security.filter.order", Integer.class, -100) - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	WebMvcConfigurer auditHttpCaptureInterceptor(HttpRequestRecorder recorder) {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new HttpCaptureInterceptor(recorder));
			}

		};
	}

}
