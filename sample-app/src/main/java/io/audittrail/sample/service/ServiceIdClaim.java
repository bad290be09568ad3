package io.audittrail.sample.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A service id that a service has used: kept after the service changes its id or is
 * deleted, so that the id, which is the tenant of the audit log, never names another
 * service.
 */
@Entity
public class ServiceIdClaim {

	@Id
	public String serviceId;

	@Column(nullable = false)
	public Long serviceRef;

	protected ServiceIdClaim() {
	}

	ServiceIdClaim(String serviceId, Long serviceRef) {
		this.serviceId = serviceId;
		this.serviceRef = serviceRef;
	}

}
