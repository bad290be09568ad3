package io.audittrail.benchmarks.app;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InvoiceRepository extends JpaRepository<Invoice, Long> {

	@Query("select distinct i from Invoice i left join fetch i.lines where i.id = ?1")
	Optional<Invoice> findWithLines(Long id);

}
