package io.audittrail.sample.service;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CmsServiceRepository extends JpaRepository<CmsService, Long> {

}
