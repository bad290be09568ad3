package io.audittrail.sample.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * A comment on a review request.
 */
@Entity
@Audited
public class ReviewComment {

	@Id
	@GeneratedValue
	public Long id;

	public Long reviewRef;

	public String author;

	@Column(length = 4000)
	public String text;

}
