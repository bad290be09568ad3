package io.audittrail.sample.security;

import java.lang.reflect.Field;
import java.util.Objects;
import java.util.Optional;

import org.hibernate.Hibernate;

import org.springframework.util.ReflectionUtils;

import io.audittrail.core.AuditEvent;
import io.audittrail.sample.review.ReviewRequestRepository;
import io.audittrail.sample.schema.ApiRepository;
import io.audittrail.sample.service.CmsService;
import io.audittrail.sample.service.ServicePermissions;
import io.audittrail.spi.RevertGuard;

/**
 * Refuses to revert an entity that belongs to another service than the one the entry's
 * tenant names: a service itself, an entity with a {@code serviceRef}, or one that
 * belongs to a service through its API ({@code apiRef}) or review request
 * ({@code reviewRef}). Members, who belong to no single service, are not refused.
 */
final class ServiceRevertGuard implements RevertGuard {

	private final ServicePermissions permissions;

	private final ApiRepository apis;

	private final ReviewRequestRepository reviews;

	ServiceRevertGuard(ServicePermissions permissions, ApiRepository apis, ReviewRequestRepository reviews) {
		this.permissions = permissions;
		this.apis = apis;
		this.reviews = reviews;
	}

	@Override
	public Optional<String> refusal(AuditEvent event, Object entity) {
		Object target = Hibernate.unproxy(entity);
		Long owner = owningService(target);
		if (owner == null) {
			return Optional.empty();
		}
		Long tenantService = this.permissions.serviceOfTenant(event.tenant()).orElse(null);
		if (Objects.equals(owner, tenantService)) {
			return Optional.empty();
		}
		return Optional.of(target.getClass().getSimpleName() + " " + field(target, "id")
				+ " belongs to another service than '" + event.tenant() + "' now, so this entry cannot change it.");
	}

	private Long owningService(Object entity) {
		if (entity instanceof CmsService service) {
			return service.id;
		}
		Long service = field(entity, "serviceRef");
		if (service != null) {
			return service;
		}
		Long api = field(entity, "apiRef");
		if (api != null) {
			return this.apis.findById(api).map((found) -> found.serviceRef).orElse(-1L);
		}
		Long review = field(entity, "reviewRef");
		if (review != null) {
			return this.reviews.findById(review).map((found) -> found.serviceRef).orElse(-1L);
		}
		return null;
	}

	private static Long field(Object entity, String name) {
		Field field = ReflectionUtils.findField(entity.getClass(), name);
		if (field == null) {
			return null;
		}
		ReflectionUtils.makeAccessible(field);
		return (ReflectionUtils.getField(field, entity) instanceof Long value) ? value : null;
	}

}
