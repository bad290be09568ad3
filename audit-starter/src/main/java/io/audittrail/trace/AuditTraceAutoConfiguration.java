package io.audittrail.trace;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.audittrail.spi.TraceContextResolver;

/**
 * Auto-configuration of trace correlation: the resolver that tells which trace the
 * current call belongs to, unless the application defines its own.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
final class AuditTraceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TraceContextResolver auditTraceContextResolver(ConfigurableListableBeanFactory beanFactory) {
		return DefaultTraceContextResolver.of(beanFactory, beanFactory.getBeanClassLoader());
	}

}
