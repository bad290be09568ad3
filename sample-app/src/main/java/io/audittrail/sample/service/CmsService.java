package io.audittrail.sample.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * A service: the tenant that owns APIs, contents, media and members.
 */
@Entity
@Audited
public class CmsService {

	@Id
	@GeneratedValue
	public Long id;

	@Column(unique = true, nullable = false)
	public String serviceId;

	public String name;

	public String language;

	public boolean twoFactorRequired;

	public boolean reservedContentEditingRestricted;

	public Integer auditLogRetentionDays;

}
