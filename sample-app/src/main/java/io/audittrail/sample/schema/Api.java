package io.audittrail.sample.schema;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * An API of a service: the endpoint its contents are served under.
 */
@Entity
@Audited
public class Api {

	@Id
	@GeneratedValue
	public Long id;

	public Long serviceRef;

	public String endpoint;

	public String name;

	@Enumerated(EnumType.STRING)
	public ApiType type;

	@Column(length = 2000)
	public String description;

	public Long groupRef;

}
