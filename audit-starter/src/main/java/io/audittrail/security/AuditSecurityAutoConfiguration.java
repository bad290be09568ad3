package io.audittrail.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.context.SecurityContextHolder;

import io.audittrail.spi.ActorResolver;
import io.audittrail.spi.HttpAuthTypeResolver;

/**
 * Auto-configuration of the Spring Security defaults: the actor of a call is the current
 * authentication, and the auth type of a captured request is how its caller signed in.
 */
@AutoConfiguration
@ConditionalOnClass(SecurityContextHolder.class)
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
final class AuditSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ActorResolver auditActorResolver() {
		return new SpringSecurityActorResolver();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBooleanProperty("audit.http.enabled")
	HttpAuthTypeResolver auditHttpAuthTypeResolver() {
		return new SpringSecurityAuthTypeResolver();
	}

}
