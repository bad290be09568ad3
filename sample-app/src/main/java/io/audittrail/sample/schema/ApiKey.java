package io.audittrail.sample.schema;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

/**
 * A key for the Content and Management APIs; only the hash of its secret is kept.
 */
@Entity
@Audited
public class ApiKey {

	@Id
	@GeneratedValue
	public Long id;

	public Long serviceRef;

	public String name;

	@NotAudited
	@JsonIgnore
	public String secretHash;

	public boolean writeAllowed;

}
