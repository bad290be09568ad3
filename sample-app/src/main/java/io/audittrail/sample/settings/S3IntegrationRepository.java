package io.audittrail.sample.settings;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface S3IntegrationRepository extends JpaRepository<S3Integration, Long> {

	Optional<S3Integration> findByIdAndServiceRef(Long id, Long serviceRef);

}
