package io.audittrail.sample.schema;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiGroupRepository extends JpaRepository<ApiGroup, Long> {

	Optional<ApiGroup> findByIdAndServiceRef(Long id, Long serviceRef);

}
