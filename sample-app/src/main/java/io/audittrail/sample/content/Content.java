package io.audittrail.sample.content;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * A content item of an API, with its published data and pending draft.
 */
@Entity
@Audited
public class Content {

	@Id
	@GeneratedValue
	public Long id;

	public Long serviceRef;

	public Long apiRef;

	public String contentId;

	@Enumerated(EnumType.STRING)
	public ContentStatus status;

	@Column(length = 20000)
	public String data;

	@Column(length = 20000)
	public String draftData;

	public Instant publishedAt;

	public Instant reservationStart;

	public Instant reservationStop;

	public String createdBy;

	public int sortOrder;

	public String draftKey;

}
