package io.audittrail.sample.settings;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ServicePlanRepository extends JpaRepository<ServicePlan, Long> {

	Optional<ServicePlan> findByServiceRef(Long serviceRef);

	void deleteByServiceRef(Long serviceRef);

}
