package io.audittrail.sample.service;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MembershipRepository extends JpaRepository<Membership, Long> {

	List<Membership> findByServiceRefOrderById(Long serviceRef);

	List<Membership> findByMemberRefAndStatus(Long memberRef, MembershipStatus status);

	Optional<Membership> findByServiceRefAndMemberRefAndStatus(Long serviceRef, Long memberRef,
			MembershipStatus status);

	Optional<Membership> findByIdAndServiceRefAndStatus(Long id, Long serviceRef, MembershipStatus status);

	Optional<Membership> findByServiceRefAndEmail(Long serviceRef, String email);

	boolean existsByRoleRef(Long roleRef);

	void deleteByServiceRef(Long serviceRef);

}
