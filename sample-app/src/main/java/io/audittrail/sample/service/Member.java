package io.audittrail.sample.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

/**
 * A member account, which may belong to several services.
 */
@Entity
@Audited
public class Member {

	@Id
	@GeneratedValue
	public Long id;

	@Column(unique = true, nullable = false)
	public String email;

	public String name;

	@NotAudited
	@JsonIgnore
	public String passwordHash;

}
