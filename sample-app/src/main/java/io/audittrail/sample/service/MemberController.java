package io.audittrail.sample.service;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Members, invitations and roles of a service.
 */
@RestController
@RequestMapping("/api/v1/services/{serviceId}")
@PreAuthorize("hasAuthority('manageMembers')")
class MemberController {

	private final MemberOperations members;

	private final RoleOperations roles;

	private final Services services;

	private final MembershipRepository memberships;

	private final RoleRepository roleRepository;

	MemberController(MemberOperations members, RoleOperations roles, Services services,
			MembershipRepository memberships, RoleRepository roleRepository) {
		this.members = members;
		this.roles = roles;
		this.services = services;
		this.memberships = memberships;
		this.roleRepository = roleRepository;
	}

	@GetMapping("/members")
	@PreAuthorize("hasAuthority('member')")
	List<Membership> list(@PathVariable String serviceId) {
		return this.memberships.findByServiceRefOrderById(this.services.require(serviceId).id);
	}

	@PostMapping("/members")
	@ResponseStatus(HttpStatus.CREATED)
	Membership add(@PathVariable String serviceId, @Valid @RequestBody NewMember body) {
		return this.members.add(serviceId, body.email(), body.roleId()).membership();
	}

	@PutMapping("/members/{memberId}/role")
	Membership updateRole(@PathVariable String serviceId, @PathVariable Long memberId,
			@Valid @RequestBody RoleChange body) {
		return this.members.updateRole(serviceId, memberId, body.roleId()).membership();
	}

	@DeleteMapping("/members/{memberId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String serviceId, @PathVariable Long memberId) {
		this.members.delete(serviceId, memberId);
	}

	@PostMapping("/invitations")
	@ResponseStatus(HttpStatus.CREATED)
	Membership invite(@PathVariable String serviceId, @Valid @RequestBody NewMember body) {
		return this.members.invite(serviceId, body.email(), body.roleId()).membership();
	}

	@DeleteMapping("/invitations/{invitationId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void cancelInvitation(@PathVariable String serviceId, @PathVariable Long invitationId) {
		this.members.cancelInvitation(serviceId, invitationId);
	}

	@GetMapping("/roles")
	@PreAuthorize("hasAuthority('member')")
	List<Role> roles(@PathVariable String serviceId) {
		return this.roleRepository.findByServiceRefOrderById(this.services.require(serviceId).id);
	}

	@PostMapping("/roles")
	@ResponseStatus(HttpStatus.CREATED)
	Role createRole(@PathVariable String serviceId, @Valid @RequestBody RoleBody body) {
		return this.roles.create(serviceId, body.name(), body.permissions());
	}

	@PatchMapping("/roles/{roleId}")
	Role updateRole(@PathVariable String serviceId, @PathVariable Long roleId, @Valid @RequestBody RoleBody body) {
		return this.roles.update(serviceId, roleId, body.name(), body.permissions());
	}

	@DeleteMapping("/roles/{roleId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteRole(@PathVariable String serviceId, @PathVariable Long roleId) {
		this.roles.delete(serviceId, roleId);
	}

	record NewMember(@NotBlank @Email String email, @NotNull Long roleId) {
	}

	record RoleChange(@NotNull Long roleId) {
	}

	record RoleBody(@NotBlank String name, @NotNull Set<String> permissions) {
	}

}
