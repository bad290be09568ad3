package io.audittrail.sample.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * A role of a service and the permissions it grants.
 */
@Entity
@Audited
public class Role {

	@Id
	@GeneratedValue
	public Long id;

	public Long serviceRef;

	public String name;

	public boolean builtIn;

	@Column(length = 1000)
	public String permissions;

}
