package io.audittrail.sample.schema;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApiRepository extends JpaRepository<Api, Long> {

	Optional<Api> findByServiceRefAndEndpoint(Long serviceRef, String endpoint);

	List<Api> findByServiceRefOrderById(Long serviceRef);

	boolean existsByGroupRef(Long groupRef);

	@Query("select count(c) > 0 from Content c where c.apiRef = :apiRef")
	boolean hasContents(Long apiRef);

}
