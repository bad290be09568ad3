package io.audittrail.sample.content;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CsvTransferRepository extends JpaRepository<CsvTransfer, Long> {

}
