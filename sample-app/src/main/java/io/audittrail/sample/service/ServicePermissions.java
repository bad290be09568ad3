package io.audittrail.sample.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a member may do in each service: the permissions of their role there.
 */
@Component
@Transactional(readOnly = true)
public class ServicePermissions {

	private final MemberRepository members;

	private final MembershipRepository memberships;

	private final RoleRepository roles;

	private final CmsServiceRepository services;

	public ServicePermissions(MemberRepository members, MembershipRepository memberships, RoleRepository roles,
			CmsServiceRepository services) {
		this.members = members;
		this.memberships = memberships;
		this.roles = roles;
		this.services = services;
	}

	/**
	 * The authorities of the member in the given service: {@link Permission#MEMBER} and the
	 * permissions of their role; empty when they are not a member of it.
	 */
	public Set<String> authorities(String email, String serviceId) {
		Optional<Member> member = this.members.findByEmail(email);
		Optional<CmsService> service = this.services.findByServiceId(serviceId);
		if (member.isEmpty() || service.isEmpty()) {
			return Set.of();
		}
		return this.memberships
			.findByServiceRefAndMemberRefAndStatus(service.get().id, member.get().id, MembershipStatus.ACTIVE)
			.map(this::authorities)
			.orElse(Set.of());
	}

	/** The authorities the member holds in any of their services. */
	public Set<String> authoritiesInAnyService(String email) {
		Set<String> authorities = new LinkedHashSet<>();
		this.members.findByEmail(email)
			.ifPresent((member) -> this.memberships.findByMemberRefAndStatus(member.id, MembershipStatus.ACTIVE)
				.forEach((membership) -> authorities.addAll(authorities(membership))));
		return authorities;
	}

	/** The ids of the services in which the member holds the given permission, such as {@code viewAuditLog}. */
	public List<String> serviceIdsWithPermission(String email, String permission) {
		return this.members.findByEmail(email)
			.map((member) -> this.memberships.findByMemberRefAndStatus(member.id, MembershipStatus.ACTIVE).stream()
				.filter((membership) -> authorities(membership).contains(permission))
				.map((membership) -> this.services.findById(membership.serviceRef).map((s) -> s.serviceId).orElse(null))
				.filter((serviceId) -> serviceId != null)
				.sorted()
				.toList())
			.orElse(List.of());
	}

	private Set<String> authorities(Membership membership) {
		Set<String> authorities = new LinkedHashSet<>();
		authorities.add(Permission.MEMBER);
		this.roles.findById(membership.roleRef).ifPresent((role) -> authorities.addAll(role.grantedPermissions()));
		return authorities;
	}

}
