package io.audittrail.sample.security;

import java.util.Collection;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;

import io.audittrail.core.TenantScope;
import io.audittrail.sample.review.ReviewRequestRepository;
import io.audittrail.sample.schema.ApiRepository;
import io.audittrail.sample.service.ServicePermissions;
import io.audittrail.spi.RevertGuard;
import io.audittrail.spi.TenantAccessPolicy;

/**
 * Who reads whose audit log: a member reads the log of each service where their role
 * grants {@code viewAuditLog} (under the service's current id and every id it had
 * before), and reverts changes where it grants {@code revertAuditLog} and the permission
 * the catalog names for the change ({@code authority} in {@code audit/operations.yml}),
 * as making the change needs it. A revert never changes an entity of another service.
 * System-level entries (of no service) stay hidden.
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

			@Override
			public Collection<String> authoritiesIn(Authentication authentication, String tenant) {
				if (!(authentication instanceof MemberAuthentication)) {
					return Set.of();
				}
				return permissions.authoritiesInTenant(authentication.getName(), tenant);
			}

			private TenantScope services(Authentication authentication, String permission) {
				if (!(authentication instanceof MemberAuthentication)) {
					return TenantScope.only(Set.of());
				}
				return TenantScope
					.only(Set.copyOf(permissions.tenantsWithPermission(authentication.getName(), permission)));
			}

		};
	}

	@Bean
	RevertGuard serviceRevertGuard(ServicePermissions permissions, ApiRepository apis,
			ReviewRequestRepository reviews) {
		return new ServiceRevertGuard(permissions, apis, reviews);
	}

}
