package io.audittrail.sample.schema;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * A named group of APIs.
 */
@Entity
@Audited
public class ApiGroup {

	@Id
	@GeneratedValue
	public Long id;

	public Long serviceRef;

	public String name;

}
