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

	private final ServiceIdClaimRepository claims;

	public ServicePermissions(MemberRepository members, MembershipRepository memberships, RoleRepository roles,
			CmsServiceRepository services, ServiceIdClaimRepository claims) {
		this.members = members;
		this.memberships = memberships;
		this.roles = roles;
		this.services = services;
		this.claims = claims;
	}

	/**
	 * The service that the tenant of the audit log names: the one that has, or had, the
	 * tenant as its id.
	 */
	public Optional<Long> serviceOfTenant(String tenant) {
		return (tenant != null) ? this.claims.findById(tenant).map((claim) -> claim.serviceRef) : Optional.empty();
	}

	/**
	 * The authorities of the member in the service the tenant names (its current or an
	 * earlier id), as {@link #authorities(String, String)}.
	 */
	public Set<String> authoritiesInTenant(String email, String tenant) {
		Optional<Member> member = this.members.findByEmail(email);
		Optional<Long> service = serviceOfTenant(tenant);
		if (member.isEmpty() || service.isEmpty()) {
			return Set.of();
		}
		return this.memberships
			.findByServiceRefAndMemberRefAndStatus(service.get(), member.get().id, MembershipStatus.ACTIVE)
			.map(this::authorities)
			.orElse(Set.of());
	}

	/**
	 * The tenants of the audit log of every service in which the member holds the given
	 * permission: each service's current id and the ids it had before.
	 */
	public List<String> tenantsWithPermission(String email, String permission) {
		return this.members.findByEmail(email)
			.map((member) -> this.memberships.findByMemberRefAndStatus(member.id, MembershipStatus.ACTIVE)
				.stream()
				.filter((membership) -> authorities(membership).contains(permission))
				.flatMap((membership) -> this.claims.findByServiceRef(membership.serviceRef).stream())
				.map((claim) -> claim.serviceId)
				.sorted()
				.toList())
			.orElse(List.of());
	}

	/**
	 * The authorities of the member in the given service: {@link Permission#MEMBER} and
	 * the permissions of their role; empty when they are not a member of it.
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

	/**
	 * The ids of the services in which the member holds the given permission, such as
	 * {@code viewAuditLog}.
	 */
	public List<String> serviceIdsWithPermission(String email, String permission) {
		return this.members.findByEmail(email)
			.map((member) -> this.memberships.findByMemberRefAndStatus(member.id, MembershipStatus.ACTIVE)
				.stream()
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
