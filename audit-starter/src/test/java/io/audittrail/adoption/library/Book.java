package io.audittrail.adoption.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;

/** A book. */
@Entity
@Table(name = "books")
@Audited
public class Book extends NamedEntity {

	@Column(name = "published_year")
	private Integer publishedYear;

	public Integer getPublishedYear() {
		return this.publishedYear;
	}

	public void setPublishedYear(Integer publishedYear) {
		this.publishedYear = publishedYear;
	}

}
