package io.audittrail.sample.content;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * A completed CSV import or export of an API's contents.
 */
@Entity
@Audited
public class CsvTransfer {

	@Id
	@GeneratedValue
	public Long id;

	public Long serviceRef;

	public Long apiRef;

	public String direction;

	public int published;

	public int drafts;

	public Instant savedAt;

}
