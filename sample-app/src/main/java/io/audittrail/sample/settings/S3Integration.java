package io.audittrail.sample.settings;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * An Amazon S3 bucket that media are copied to.
 */
@Entity
@Audited
public class S3Integration {

	@Id
	@GeneratedValue
	public Long id;

	public Long serviceRef;

	public String bucket;

	public String region;

	public String prefix;

}
