package io.audittrail.sample.settings;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EnvironmentRepository extends JpaRepository<Environment, Long> {

	Optional<Environment> findByIdAndServiceRef(Long id, Long serviceRef);

}
