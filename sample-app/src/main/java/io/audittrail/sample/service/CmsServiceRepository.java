package io.audittrail.sample.service;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CmsServiceRepository extends JpaRepository<CmsService, Long> {

	Optional<CmsService> findByServiceId(String serviceId);

}
