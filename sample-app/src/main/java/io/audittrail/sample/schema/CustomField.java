package io.audittrail.sample.schema;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * A field of an API's schema.
 */
@Entity
@Audited
public class CustomField {

	@Id
	@GeneratedValue
	public Long id;

	public Long apiRef;

	public String fieldId;

	public String name;

	public String kind;

}
