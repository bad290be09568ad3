package io.audittrail.sample.security;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;

import io.audittrail.query.TenantScope;
import io.audittrail.sample.service.ServicePermissions;
import io.audittrail.web.TenantAccessPolicy;

/**
 * Who reads whose audit log: a member reads the log of each service where their role grants
 * {@code viewAuditLog}, and reverts changes where it grants {@code revertAuditLog}. System-level
 * entries (of no service) stay hidden.
 */
@Configuration(proxyBeanMethods = false)
class AuditAccessConfiguration {

	static final String VIEW = "viewAuditLog";

	static final String REVERT = "revertAuditLog";

	@Bean
	TenantAccessPolicy serviceAuditAccess(ServicePermissions permissions) {
		return new TenantAccessPolicy() {

			@Override
			public TenantScope readableTenants(Authentication authentication) {
				return services(authentication, VIEW);
			}

			@Override
			public TenantScope revertibleTenants(Authentication authentication) {
				return services(authentication, REVERT);
			}

			private TenantScope services(Authentication authentication, String permission) {
				if (!(authentication instanceof MemberAuthentication)) {
					return TenantScope.only(Set.of());
				}
				return TenantScope.only(Set.copyOf(permissions.serviceIdsWithPermission(authentication.getName(), permission)));
			}

		};
	}

}
