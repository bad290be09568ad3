package io.audittrail.sample.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * A request to review a content item before it is published.
 */
@Entity
@Audited
public class ReviewRequest {

	@Id
	@GeneratedValue
	public Long id;

	public Long serviceRef;

	public Long contentRef;

	public String title;

	@Enumerated(EnumType.STRING)
	public ReviewStatus status;

	@Column(length = 2000)
	public String reviewers;

}
