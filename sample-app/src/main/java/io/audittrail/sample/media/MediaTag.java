package io.audittrail.sample.media;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * A tag that media can carry.
 */
@Entity
@Audited
public class MediaTag {

	@Id
	@GeneratedValue
	public Long id;

	public Long serviceRef;

	public String name;

}
