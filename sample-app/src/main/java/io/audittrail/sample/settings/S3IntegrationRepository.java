package io.audittrail.sample.settings;

import org.springframework.data.jpa.repository.JpaRepository;

public interface S3IntegrationRepository extends JpaRepository<S3Integration, Long> {

}
