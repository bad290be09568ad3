package io.audittrail.sample.settings;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * An additional environment of a service, such as a staging copy.
 */
@Entity
@Audited
public class Environment {

	@Id
	@GeneratedValue
	public Long id;

	public Long serviceRef;

	public String environmentServiceId;

	public String name;

	public String domain;

	public String color;

}
