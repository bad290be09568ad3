package io.audittrail.sample.service;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * A member of a service, or an invitation to become one.
 */
@Entity
@Audited
public class Membership {

	@Id
	@GeneratedValue
	public Long id;

	public Long serviceRef;

	public Long memberRef;

	public String email;

	public Long roleRef;

	@Enumerated(EnumType.STRING)
	public MembershipStatus status;

}
