package io.audittrail.testapp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import org.hibernate.envers.Audited;

@Entity
@Audited
public class Article {

	@Id
	@GeneratedValue
	private Long id;

	private String title;

	private String status;

	@ElementCollection(fetch = FetchType.EAGER)
	private Set<String> tags = new LinkedHashSet<>();

	@OneToMany(mappedBy = "article")
	private List<Review> reviews = new ArrayList<>();

	protected Article() {
	}

	public Article(String title, String status) {
		this.title = title;
		this.status = status;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public Set<String> getTags() {
		return this.tags;
	}

	public List<Review> getReviews() {
		return this.reviews;
	}

	public void setTags(Set<String> tags) {
		this.tags.clear();
		this.tags.addAll(tags);
	}

}
