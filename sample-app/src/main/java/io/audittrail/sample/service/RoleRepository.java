package io.audittrail.sample.service;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RoleRepository extends JpaRepository<Role, Long> {

	List<Role> findByServiceRefOrderById(Long serviceRef);

	Optional<Role> findByIdAndServiceRef(Long id, Long serviceRef);

	Optional<Role> findByServiceRefAndName(Long serviceRef, String name);

	void deleteByServiceRef(Long serviceRef);

}
