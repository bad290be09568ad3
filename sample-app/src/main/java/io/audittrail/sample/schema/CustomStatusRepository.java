package io.audittrail.sample.schema;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomStatusRepository extends JpaRepository<CustomStatus, Long> {

	Optional<CustomStatus> findByIdAndApiRef(Long id, Long apiRef);

	void deleteByApiRef(Long apiRef);

}
