package io.audittrail.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.envers.Audited;

/** A review of an article: an entity with a relation. */
@Entity
@Audited
public class Review {

	@Id
	@GeneratedValue
	private Long id;

	@ManyToOne
	private Article article;

	private String verdict;

	protected Review() {
	}

	public Review(Article article, String verdict) {
		this.article = article;
		this.verdict = verdict;
	}

	public Long getId() {
		return this.id;
	}

	public Article getArticle() {
		return this.article;
	}

	public String getVerdict() {
		return this.verdict;
	}

}
