package io.audittrail.sample.schema;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * A webhook called when contents change.
 */
@Entity
@Audited
public class ContentWebhook {

	@Id
	@GeneratedValue
	public Long id;

	public Long serviceRef;

	public String name;

	public String url;

	public Long apiRef;

}
