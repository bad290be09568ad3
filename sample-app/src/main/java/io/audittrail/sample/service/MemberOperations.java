package io.audittrail.sample.service;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.audittrail.annotation.Audited.Detail;
import io.audittrail.annotation.Audited;
import io.audittrail.sample.web.InvalidInputException;
import io.audittrail.sample.web.NotFoundException;

/**
 * Adds, invites and removes the members of a service and changes their roles.
 */
@Service
@Transactional
public class MemberOperations {

	private final Services services;

	private final MembershipRepository memberships;

	private final MemberRepository members;

	private final RoleRepository roles;

	public MemberOperations(Services services, MembershipRepository memberships, MemberRepository members,
			RoleRepository roles) {
		this.services = services;
		this.memberships = memberships;
		this.members = members;
		this.roles = roles;
	}

	/** Adds a member who already has an account. */
	@Audited(value = "member.add", entityId = "#result?.membership()?.id", entityName = "#email",
			details = { @Detail(name = "target_member", value = "#email"), @Detail(name = "role_id", value = "#roleId"),
					@Detail(name = "role_name", value = "#result?.role()?.name") })
	public MemberChange add(String serviceId, String email, Long roleId) {
		CmsService service = this.services.require(serviceId);
		Member member = this.members.findByEmail(email)
			.orElseThrow(() -> new InvalidInputException("email", "no member account has the email " + email));
		requireNotMember(service, email);
		Role role = role(service, roleId);
		Membership membership = new Membership();
		membership.serviceRef = service.id;
		membership.memberRef = member.id;
		membership.email = email;
		membership.roleRef = role.id;
		membership.status = MembershipStatus.ACTIVE;
		return new MemberChange(this.memberships.save(membership), role);
	}

	/** Invites someone by email; they join when they accept. */
	@Audited(value = "member.invite", entityId = "#result?.membership()?.id", entityName = "#email",
			details = { @Detail(name = "email", value = "#email"), @Detail(name = "role_id", value = "#roleId"),
					@Detail(name = "role_name", value = "#result?.role()?.name") })
	public MemberChange invite(String serviceId, String email, Long roleId) {
		CmsService service = this.services.require(serviceId);
		requireNotMember(service, email);
		Role role = role(service, roleId);
		Membership invitation = new Membership();
		invitation.serviceRef = service.id;
		invitation.email = email;
		invitation.roleRef = role.id;
		invitation.status = MembershipStatus.INVITED;
		return new MemberChange(this.memberships.save(invitation), role);
	}

	@Audited(value = "member.cancel_invitation", entityId = "#invitationId",
			entityName = "#result?.membership()?.email",
			details = @Detail(name = "email", value = "#result?.membership()?.email"))
	public MemberChange cancelInvitation(String serviceId, Long invitationId) {
		CmsService service = this.services.require(serviceId);
		Membership invitation = this.memberships
			.findByIdAndServiceRefAndStatus(invitationId, service.id, MembershipStatus.INVITED)
			.orElseThrow(() -> new NotFoundException("Invitation", invitationId));
		this.memberships.delete(invitation);
		return new MemberChange(invitation, this.roles.findById(invitation.roleRef).orElse(null));
	}

	@Audited(value = "member.delete", entityId = "#memberId", entityName = "#result?.membership()?.email",
			details = @Detail(name = "target_member", value = "#result?.membership()?.email"))
	public MemberChange delete(String serviceId, Long memberId) {
		CmsService service = this.services.require(serviceId);
		Membership membership = active(service, memberId);
		this.memberships.delete(membership);
		return new MemberChange(membership, this.roles.findById(membership.roleRef).orElse(null));
	}

	@Audited(value = "member.update_role", entityId = "#memberId", entityName = "#result?.membership()?.email",
			details = { @Detail(name = "target_member", value = "#result?.membership()?.email"),
					@Detail(name = "role_id", value = "#roleId"),
					@Detail(name = "role_name", value = "#result?.role()?.name") })
	public MemberChange updateRole(String serviceId, Long memberId, Long roleId) {
		CmsService service = this.services.require(serviceId);
		Membership membership = active(service, memberId);
		Role role = role(service, roleId);
		membership.roleRef = role.id;
		return new MemberChange(membership, role);
	}

	private Membership active(CmsService service, Long memberId) {
		return this.memberships.findByIdAndServiceRefAndStatus(memberId, service.id, MembershipStatus.ACTIVE)
			.orElseThrow(() -> new NotFoundException("Member", memberId));
	}

	private Role role(CmsService service, Long roleId) {
		return this.roles.findByIdAndServiceRef(roleId, service.id)
			.orElseThrow(() -> new InvalidInputException("roleId", "the service has no role " + roleId));
	}

	private void requireNotMember(CmsService service, String email) {
		if (this.memberships.findByServiceRefAndEmail(service.id, email).isPresent()) {
			throw new InvalidInputException("email", email + " is already a member of or invited to the service");
		}
	}

}
