package io.audittrail.sample.review;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * One run of an AI reviewer on a review request.
 */
@Entity
@Audited
public class AiReviewRun {

	@Id
	@GeneratedValue
	public Long id;

	public Long reviewRef;

	public Long reviewerRef;

	public boolean automatic;

	@Column(length = 4000)
	public String result;

	public Instant ranAt;

}
