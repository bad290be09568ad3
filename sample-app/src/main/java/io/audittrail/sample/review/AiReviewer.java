package io.audittrail.sample.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * An AI reviewer: instructions that review contents.
 */
@Entity
@Audited
public class AiReviewer {

	@Id
	@GeneratedValue
	public Long id;

	public Long serviceRef;

	public String name;

	@Column(length = 4000)
	public String instructions;

	public boolean autoExecute;

}
