package io.audittrail.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.audittrail.capture.AuditAutoConfiguration;
import io.audittrail.web.RevertAccess;
import io.audittrail.web.ui.AuditPagesController;
import io.audittrail.web.ui.AuditReaderAccess;
import io.audittrail.web.ui.SpringSecurityReaderAccess;

/**
 * Auto-configuration of the admin pages under {@code audit.web.base-path}: the HTML shell, its
 * static assets, and who may read them.
 */
@AutoConfiguration(after = AuditAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "audit.web.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditProperties.class)
public final class AuditPagesAutoConfiguration {

	private static final String ASSETS = "classpath:/io/audittrail/web/ui/assets/";

	@Bean
	@ConditionalOnBean(AuditReaderAccess.class)
	AuditPagesController auditPagesController(AuditReaderAccess access, ObjectProvider<RevertAccess> reverts) {
		return new AuditPagesController(access, reverts.getIfAvailable());
	}

	@Bean
	@ConditionalOnBean(AuditReaderAccess.class)
	WebMvcConfigurer auditPagesAssets(AuditProperties properties) {
		String pattern = properties.getWeb().getBasePath() + "/assets/**";
		return new WebMvcConfigurer() {

			@Override
			public void addResourceHandlers(ResourceHandlerRegistry registry) {
				registry.addResourceHandler(pattern).addResourceLocations(ASSETS).setCacheControl(CacheControl.noCache());
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
	static class SecuredReaderAccess {

		@Bean
		@ConditionalOnMissingBean
		AuditReaderAccess auditReaderAccess(AuditProperties properties) {
			return new SpringSecurityReaderAccess(properties.getSecurity().getViewAuthority(),
					properties.getSecurity().getRevertAuthority());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.security.core.context.SecurityContextHolder")
	@ConditionalOnBooleanProperty(name = "audit.web.allow-without-security")
	static class OpenReaderAccess {

		@Bean
		@ConditionalOnMissingBean
		AuditReaderAccess auditReaderAccess() {
			return AuditReaderAccess.open();
		}

	}

}
