package io.audittrail.sample.service;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.audittrail.spi.TenantRetentionPolicy;

/**
 * Each service keeps its audit log for its {@code audit_log_retention_days} setting, or
 * for {@code audit.retention.days} (365 by default, {@code APP__AUDIT__RETENTION_DAYS})
 * when unset.
 */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

	@Bean
	TenantRetentionPolicy serviceRetention(CmsServiceRepository services) {
		return (tenant) -> services.findByServiceId(tenant)
			.map((service) -> service.auditLogRetentionDays)
			.orElse(null);
	}

}
