package io.audittrail.capture.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.audittrail.autoconfigure.AuditProperties;
import io.audittrail.spi.RequestOriginResolver;

/**
 * Auto-configuration of what the audit log reads from servlet requests: client address
 * and request id.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditProperties.class)
final class AuditServletAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RequestOriginResolver auditRequestOriginResolver(AuditProperties properties) {
		return new ServletRequestOriginResolver(properties.getWeb().getTrustedProxies());
	}

}
