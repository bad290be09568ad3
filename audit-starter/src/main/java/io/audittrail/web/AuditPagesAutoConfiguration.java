package io.audittrail.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.audittrail.autoconfigure.AuditProperties;

/**
 * Auto-configuration of the admin pages under {@code audit.web.base-path}: the HTML
 * shell, its static assets; on whenever the access decision is (see
 * {@code AuditAccessAutoConfiguration}).
 */
@AutoConfiguration(afterName = { "io.audittrail.capture.AuditAutoConfiguration",
		"io.audittrail.web.AuditAccessAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "audit.web.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditProperties.class)
final class AuditPagesAutoConfiguration {

	private static final String ASSETS = "classpath:/io/audittrail/web/ui/assets/";

	@Bean
	@ConditionalOnBean(AuditAccess.class)
	AuditPagesController auditPagesController(AuditAccess access) {
		return new AuditPagesController(access);
	}

	@Bean
	@ConditionalOnBean(AuditAccess.class)
	WebMvcConfigurer auditPagesAssets(AuditProperties properties) {
		String pattern = properties.getWeb().getBasePath() + "/assets/**";
		return new WebMvcConfigurer() {

			@Override
			public void addResourceHandlers(ResourceHandlerRegistry registry) {
				registry.addResourceHandler(pattern)
					.addResourceLocations(ASSETS)
					.setCacheControl(CacheControl.noCache());
			}

		};
	}

}
