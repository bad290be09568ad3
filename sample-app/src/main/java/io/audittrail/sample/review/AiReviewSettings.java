package io.audittrail.sample.review;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * Whether a service uses AI review.
 */
@Entity
@Audited
public class AiReviewSettings {

	@Id
	@GeneratedValue
	public Long id;

	public Long serviceRef;

	public boolean enabled;

	public boolean autoExecute;

}
