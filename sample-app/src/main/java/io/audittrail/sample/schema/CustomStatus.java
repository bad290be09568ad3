package io.audittrail.sample.schema;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * A workflow status that editors can give to the contents of an API.
 */
@Entity
@Audited
public class CustomStatus {

	@Id
	@GeneratedValue
	public Long id;

	public Long apiRef;

	public String name;

	public String color;

}
