package io.audittrail.sample.service;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceIdClaimRepository extends JpaRepository<ServiceIdClaim, String> {

	List<ServiceIdClaim> findByServiceRef(Long serviceRef);

}
