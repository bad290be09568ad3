package io.audittrail.sample.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * The plan a service is on.
 */
@Entity
@Audited
public class ServicePlan {

	@Id
	@GeneratedValue
	public Long id;

	public Long serviceRef;

	public String plan;

	public boolean suspended;

	@Column(length = 1000)
	public String addons;

}
