package io.audittrail.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.envers.Audited;

@Entity
@Audited
public class Note {

	@Id
	@GeneratedValue
	private Long id;

	private Long articleId;

	private String text;

	protected Note() {
	}

	public Note(Long articleId, String text) {
		this.articleId = articleId;
		this.text = text;
	}

	public Long getId() {
		return this.id;
	}

	public String getText() {
		return this.text;
	}

}
