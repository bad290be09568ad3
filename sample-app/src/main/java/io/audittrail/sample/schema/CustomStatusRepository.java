package io.audittrail.sample.schema;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomStatusRepository extends JpaRepository<CustomStatus, Long> {

}
