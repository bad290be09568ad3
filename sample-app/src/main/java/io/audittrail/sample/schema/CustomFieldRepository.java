package io.audittrail.sample.schema;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomFieldRepository extends JpaRepository<CustomField, Long> {

	Optional<CustomField> findByApiRefAndFieldId(Long apiRef, String fieldId);

	List<CustomField> findByApiRefOrderById(Long apiRef);

	void deleteByApiRef(Long apiRef);

}
