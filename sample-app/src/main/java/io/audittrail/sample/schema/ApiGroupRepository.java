package io.audittrail.sample.schema;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiGroupRepository extends JpaRepository<ApiGroup, Long> {

}
