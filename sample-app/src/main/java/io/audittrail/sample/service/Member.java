package io.audittrail.sample.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A member account, which may belong to several services. Accounts are shared by all
 * services, so their changes are not part of any service's history.
 */
@Entity
public class Member {

	@Id
	@GeneratedValue
	public Long id;

	@Column(unique = true, nullable = false)
	public String email;

	public String name;

	@JsonIgnore
	public String passwordHash;

}
