package io.audittrail.sample.service;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.audittrail.annotation.Audited;
import io.audittrail.sample.settings.ServicePlan;
import io.audittrail.sample.settings.ServicePlanRepository;
import io.audittrail.sample.web.InvalidInputException;
import io.audittrail.sample.web.NotFoundException;

/**
 * Creates services and changes their settings.
 */
@Service
@Transactional
public class ServiceOperations {

	private final CmsServiceRepository services;

	private final Services lookup;

	private final RoleRepository roles;

	private final MembershipRepository memberships;

	private final MemberRepository members;

	private final ServicePlanRepository plans;

	private final ServiceIdClaimRepository claims;

	public ServiceOperations(CmsServiceRepository services, Services lookup, RoleRepository roles,
			MembershipRepository memberships, MemberRepository members, ServicePlanRepository plans,
			ServiceIdClaimRepository claims) {
		this.services = services;
		this.lookup = lookup;
		this.roles = roles;
		this.memberships = memberships;
		this.members = members;
		this.plans = plans;
		this.claims = claims;
	}

	/**
	 * Creates a service with the built-in roles, owned by the given member, on the Hobby
	 * plan.
	 */
	@Audited(value = "service.create", entityId = "#result?.id", entityName = "#serviceId")
	public CmsService create(String serviceId, String name, String ownerEmail) {
		requireUnused(serviceId, null);
		Member owner = this.members.findByEmail(ownerEmail)
			.orElseThrow(() -> new NotFoundException("Member", ownerEmail));
		CmsService service = new CmsService();
		service.serviceId = serviceId;
		service.name = name;
		service.language = "en";
		this.services.save(service);
		this.claims.save(new ServiceIdClaim(serviceId, service.id));
		Role ownerRole = role(service, "Owner", EnumSet.allOf(Permission.class));
		role(service, "Admin", Permission.admin());
		role(service, "Editor", EnumSet.of(Permission.EDIT_CONTENTS));
		role(service, "Viewer", EnumSet.noneOf(Permission.class));
		Membership membership = new Membership();
		membership.serviceRef = service.id;
		membership.memberRef = owner.id;
		membership.email = owner.email;
		membership.roleRef = ownerRole.id;
		membership.status = MembershipStatus.ACTIVE;
		this.memberships.save(membership);
		ServicePlan plan = new ServicePlan();
		plan.serviceRef = service.id;
		plan.plan = "HOBBY";
		this.plans.save(plan);
		CurrentTenant.set(serviceId);
		return service;
	}

	/** Deletes a service with its members and roles; its API keys stop working. */
	@Audited(value = "service.delete", entityId = "#result?.id", entityName = "#serviceId")
	public CmsService delete(String serviceId) {
		CmsService service = this.lookup.require(serviceId);
		this.memberships.deleteByServiceRef(service.id);
		this.roles.deleteByServiceRef(service.id);
		this.plans.deleteByServiceRef(service.id);
		this.services.delete(service);
		return service;
	}

	@Audited(value = "service.update", entityId = "#result?.id", entityName = "#serviceId")
	public CmsService rename(String serviceId, String name) {
		CmsService service = this.lookup.require(serviceId);
		service.name = name;
		return service;
	}

	/**
	 * Sets how many days the audit log of the service is kept: values below 1 count as 1,
	 * and {@code null} returns to the system default.
	 */
	@Audited(value = "service.update", entityId = "#result?.id", entityName = "#serviceId")
	public CmsService updateRetention(String serviceId, Integer auditLogRetentionDays) {
		CmsService service = this.lookup.require(serviceId);
		service.auditLogRetentionDays = (auditLogRetentionDays != null) ? Math.max(1, auditLogRetentionDays) : null;
		return service;
	}

	@Audited(value = "service.update_id", entityId = "#result?.id", entityName = "#newServiceId")
	public CmsService updateId(String serviceId, String newServiceId) {
		CmsService service = this.lookup.require(serviceId);
		requireUnused(newServiceId, service.id);
		if (!this.claims.existsById(newServiceId)) {
			this.claims.save(new ServiceIdClaim(newServiceId, service.id));
		}
		service.serviceId = newServiceId;
		CurrentTenant.set(newServiceId);
		return service;
	}

	@Audited(value = "service.update_language_settings", entityId = "#result?.id", entityName = "#serviceId")
	public CmsService updateLanguage(String serviceId, String language) {
		CmsService service = this.lookup.require(serviceId);
		service.language = language;
		return service;
	}

	@Audited(value = "service.update_two_factor_requirement", entityId = "#result?.id", entityName = "#serviceId")
	public CmsService updateTwoFactorRequirement(String serviceId, boolean required) {
		CmsService service = this.lookup.require(serviceId);
		service.twoFactorRequired = required;
		return service;
	}

	@Audited(value = "service.update_reserved_content_editing_restriction", entityId = "#result?.id",
			entityName = "#serviceId")
	public CmsService updateReservedContentEditingRestriction(String serviceId, boolean restricted) {
		CmsService service = this.lookup.require(serviceId);
		service.reservedContentEditingRestricted = restricted;
		return service;
	}

	/**
	 * Refuses a service id that another service uses or has ever used: the id is the
	 * tenant of the audit log, whose entries must never pass to another service.
	 */
	private void requireUnused(String serviceId, Long byService) {
		if (this.services.findByServiceId(serviceId).filter((existing) -> !existing.id.equals(byService)).isPresent()
				|| this.claims.findById(serviceId).filter((claim) -> !claim.serviceRef.equals(byService)).isPresent()) {
			throw new InvalidInputException("serviceId", "service id '" + serviceId
					+ "' is taken or was used by another service; service ids are never reused");
		}
	}

	private Role role(CmsService service, String name, Set<Permission> permissions) {
		Role role = new Role();
		role.serviceRef = service.id;
		role.name = name;
		role.builtIn = true;
		role.permissions = permissions.stream().map(Permission::authority).collect(Collectors.joining(","));
		return this.roles.save(role);
	}

}
