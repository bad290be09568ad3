package io.audittrail.sample.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * An uploaded file.
 */
@Entity
@Audited
public class Media {

	@Id
	@GeneratedValue
	public Long id;

	public Long serviceRef;

	public String name;

	public String alt;

	public String contentType;

	public long size;

	public String url;

	@Column(length = 2000)
	public String tags;

	public String createdBy;

}
