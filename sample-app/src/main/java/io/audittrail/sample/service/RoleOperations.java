package io.audittrail.sample.service;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.audittrail.annotation.Audited.Detail;
import io.audittrail.annotation.Audited;
import io.audittrail.sample.web.ConflictException;
import io.audittrail.sample.web.InvalidInputException;
import io.audittrail.sample.web.NotFoundException;

/**
 * Creates, changes and deletes the custom roles of a service.
 */
@Service
@Transactional
public class RoleOperations {

	private final Services services;

	private final RoleRepository roles;

	private final MembershipRepository memberships;

	public RoleOperations(Services services, RoleRepository roles, MembershipRepository memberships) {
		this.services = services;
		this.roles = roles;
		this.memberships = memberships;
	}

	@Audited(value = "role.create", entityId = "#result?.id", entityName = "#name", details = {
			@Detail(name = "role_id", value = "#result?.id"), @Detail(name = "role_name", value = "#name") })
	public Role create(String serviceId, String name, Set<String> permissions) {
		CmsService service = this.services.require(serviceId);
		requireFreeName(service, name, null);
		Role role = new Role();
		role.serviceRef = service.id;
		role.name = name;
		role.permissions = String.join(",", checked(permissions));
		return this.roles.save(role);
	}

	@Audited(value = "role.update", entityId = "#roleId", entityName = "#name",
			details = { @Detail(name = "role_id", value = "#roleId"), @Detail(name = "role_name", value = "#name") })
	public Role update(String serviceId, Long roleId, String name, Set<String> permissions) {
		CmsService service = this.services.require(serviceId);
		Role role = custom(service, roleId);
		requireFreeName(service, name, roleId);
		role.name = name;
		role.permissions = String.join(",", checked(permissions));
		return role;
	}

	@Audited(value = "role.delete", entityId = "#roleId", entityName = "#result?.name", details = {
			@Detail(name = "role_id", value = "#roleId"), @Detail(name = "role_name", value = "#result?.name") })
	public Role delete(String serviceId, Long roleId) {
		CmsService service = this.services.require(serviceId);
		Role role = custom(service, roleId);
		if (this.memberships.existsByRoleRef(roleId)) {
			throw new ConflictException("role '" + role.name + "' is still given to members");
		}
		this.roles.delete(role);
		return role;
	}

	private Role custom(CmsService service, Long roleId) {
		Role role = this.roles.findByIdAndServiceRef(roleId, service.id)
			.orElseThrow(() -> new NotFoundException("Role", roleId));
		if (role.builtIn) {
			throw new ConflictException("the built-in role '" + role.name + "' cannot be changed");
		}
		return role;
	}

	private void requireFreeName(CmsService service, String name, Long roleId) {
		this.roles.findByServiceRefAndName(service.id, name)
			.filter((existing) -> !existing.id.equals(roleId))
			.ifPresent((existing) -> {
				throw new InvalidInputException("name", "the service already has a role named '" + name + "'");
			});
	}

	private static Set<String> checked(Set<String> permissions) {
		Set<String> checked = new LinkedHashSet<>();
		for (String permission : permissions) {
			checked.add(Permission.of(permission)
				.orElseThrow(() -> new InvalidInputException("permissions", "unknown permission '" + permission + "'"))
				.authority());
		}
		return checked;
	}

}
