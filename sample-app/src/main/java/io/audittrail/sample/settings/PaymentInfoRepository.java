package io.audittrail.sample.settings;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentInfoRepository extends JpaRepository<PaymentInfo, Long> {

	Optional<PaymentInfo> findByServiceRef(Long serviceRef);

}
