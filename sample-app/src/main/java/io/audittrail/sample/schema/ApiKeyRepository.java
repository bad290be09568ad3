package io.audittrail.sample.schema;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiKeyRepository extends JpaRepository<ApiKey, Long> {

	Optional<ApiKey> findBySecretHash(String secretHash);

	Optional<ApiKey> findByIdAndServiceRef(Long id, Long serviceRef);

	List<ApiKey> findByServiceRefOrderById(Long serviceRef);

}
