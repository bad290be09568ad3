package io.audittrail.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.function.SingletonSupplier;

import io.audittrail.autoconfigure.AuditProperties;
import io.audittrail.spi.TenantAccessPolicy;
import io.audittrail.store.EventQuery;

/**
 * Auto-configuration of the one access decision that the JSON API, the admin pages and
 * the integrity and evidence endpoints ask: through Spring Security, or open for reading
 * when an application without it sets {@code audit.web.allow-without-security}. Without
 * it, none of them starts.
 */
@AutoConfiguration(afterName = "io.audittrail.capture.AuditAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "audit.web.enabled", matchIfMissing = true)
@Conditional(OnWebAccessCondition.class)
@EnableConfigurationProperties(AuditProperties.class)
final class AuditAccessAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SecurityContextHolder.class)
	static class SpringSecurityAccessConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TenantAccessPolicy auditTenantAccessPolicy() {
			return TenantAccessPolicy.allTenants();
		}

		@Bean
		@ConditionalOnMissingBean
		AuditAccess auditAccess(AuditProperties properties, TenantAccessPolicy tenants,
				ObjectProvider<EventQuery> events, ObjectProvider<RevertService> reverts) {
			AuditProperties.Security security = properties.getSecurity();
			return AuditAccess.withSpringSecurity(
					new AuditAccess.Authorities(security.getViewAuthority(), security.getRevertAuthority(),
							security.getSystemAuthority()),
					tenants, SingletonSupplier.of(events::getIfAvailable),
					SingletonSupplier.of(reverts::getIfAvailable));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(OnWebAccessCondition.SECURITY_CLASS)
	static class OpenAccessConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AuditAccess auditAccess() {
			return AuditAccess.open();
		}

	}

}
