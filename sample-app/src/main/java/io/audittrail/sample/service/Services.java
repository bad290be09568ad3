package io.audittrail.sample.service;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.audittrail.sample.web.NotFoundException;

/**
 * Finds services by the id shown in paths, and the members acting on them.
 */
@Component
public class Services {

	private final CmsServiceRepository services;

	private final MembershipRepository memberships;

	private final MemberRepository members;

	public Services(CmsServiceRepository services, MembershipRepository memberships, MemberRepository members) {
		this.services = services;
		this.memberships = memberships;
		this.members = members;
	}

	/** The service with the given id, or a 404. */
	@Transactional(readOnly = true)
	public CmsService require(String serviceId) {
		return this.services.findByServiceId(serviceId).orElseThrow(() -> new NotFoundException("Service", serviceId));
	}

	/** The services of which the given email is an active member, by service id. */
	@Transactional(readOnly = true)
	public List<CmsService> ofMember(String email) {
		return this.members.findByEmail(email)
			.map((member) -> this.memberships.findByMemberRefAndStatus(member.id, MembershipStatus.ACTIVE)
				.stream()
				.map((membership) -> this.services.findById(membership.serviceRef))
				.flatMap(Optional::stream)
				.sorted(Comparator.comparing((CmsService service) -> service.serviceId))
				.toList())
			.orElse(List.of());
	}

	/**
	 * Checks that the given email is an active member of the service, for fields such as
	 * a creator.
	 */
	@Transactional(readOnly = true)
	public boolean isMember(CmsService service, String email) {
		return this.members.findByEmail(email)
			.flatMap((member) -> this.memberships.findByServiceRefAndMemberRefAndStatus(service.id, member.id,
					MembershipStatus.ACTIVE))
			.isPresent();
	}

}
