package io.audittrail.testapp;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.audittrail.annotation.Audited.Detail;
import io.audittrail.annotation.Audited;

/**
 * Audited operations of the test application, covering each feature of {@code @Audited}.
 */
@Service
public class ArticleService {

	private final ArticleRepository articles;

	private final NoteRepository notes;

	private final ReviewRepository reviews;

	public ArticleService(ArticleRepository articles, NoteRepository notes, ReviewRepository reviews) {
		this.articles = articles;
		this.notes = notes;
		this.reviews = reviews;
	}

	/** Creates an article and its first note: two entities in one transaction. */
	@Transactional
	@Audited(value = "content.create", entityId = "#result.id", entityName = "#title",
			details = { @Detail(name = "content_id", value = "#result.id"), @Detail(name = "note", value = "#note") })
	public Article create(String title, String note) {
		Article article = this.articles.save(new Article(title, "DRAFT"));
		this.notes.save(new Note(article.getId(), note));
		return article;
	}

	/**
	 * Changes the status; the operation depends on the status before the change, as in
	 * the seeds.
	 */
	@Transactional
	@Audited(
			value = "#{#before == 'PUBLISHED_AND_DRAFT' and #status == 'PUBLISH' ? 'content.delete_draft' : 'content.update'}",
			before = "@articleRepository.findById(#id).get().status", entityId = "#id",
			details = @Detail(name = "content_id", value = "#id"))
	public Article changeStatus(Long id, String status) {
		Article article = this.articles.findById(id).orElseThrow();
		article.setStatus(status.equals("PUBLISH") ? "PUBLISHED" : "DRAFT");
		return article;
	}

	/**
	 * Marks an article as published with a pending draft, as editing a published article
	 * does.
	 */
	@Transactional
	@Audited(value = "content.update", entityId = "#id")
	public void editPublished(Long id) {
		this.articles.findById(id).orElseThrow().setStatus("PUBLISHED_AND_DRAFT");
	}

	/**
	 * Renames an article, then fails: the rename must roll back and a failure be
	 * recorded.
	 */
	@Transactional
	@Audited(value = "content.update", entityId = "#id")
	public void renameThenFail(Long id, String title) {
		this.articles.findById(id).orElseThrow().setTitle(title);
		throw new IllegalStateException("rejected");
	}

	/** Renames several articles, one event per article. */
	@Transactional
	@Audited(value = "content.bulk_update", forEach = "#ids", entityId = "#item",
			details = @Detail(name = "content_id", value = "#item"))
	public void renameAll(List<Long> ids, String title) {
		ids.forEach((id) -> this.articles.findById(id).orElseThrow().setTitle(title));
	}

	/** Deletes an article only when asked to record it. */
	@Transactional
	@Audited(value = "content.delete", entityId = "#id", condition = "#record")
	public void delete(Long id, boolean record) {
		this.articles.deleteById(id);
	}

	/** An audited call that calls another audited call. */
	@Transactional
	@Audited(value = "content.update", entityId = "#result.id")
	public Article createViaOuter(String title, ArticleService inner) {
		return inner.create(title, "nested");
	}

	/** Creates an article on behalf of another tenant than the caller's. */
	@Transactional
	@Audited(value = "content.create", tenant = "#tenant", entityId = "#result.id", entityName = "#title")
	public Article createInTenant(String title, String tenant) {
		return this.articles.save(new Article(title, "DRAFT"));
	}

	/** Changes an entity without any audited call. */
	@Transactional
	public Article createUnannotated(String title) {
		return this.articles.save(new Article(title, "DRAFT"));
	}

	/**
	 * Creates an article in a transaction of its own, which commits whatever the caller
	 * does.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	@Audited(value = "content.create", entityId = "#result.id", entityName = "#title")
	public Article createIndependently(String title) {
		return this.articles.save(new Article(title, "DRAFT"));
	}

	/** Calls an audited method that commits on its own, then fails and rolls back. */
	@Transactional
	@Audited(value = "content.update", entityName = "#title")
	public void failAfterIndependentCreate(String title, ArticleService self) {
		self.createIndependently(title);
		throw new IllegalStateException("outer fails");
	}

	/** Renames an article. */
	@Transactional
	@Audited(value = "content.update", entityId = "#id", entityName = "#title",
			details = @Detail(name = "content_id", value = "#id"))
	public Article rename(Long id, String title) {
		Article article = this.articles.findById(id).orElseThrow();
		article.setTitle(title);
		return article;
	}

	/** Replaces the tags of an article: a change of a collection. */
	@Transactional
	@Audited(value = "content.retag", entityId = "#id", details = @Detail(name = "content_id", value = "#id"))
	public Article retag(Long id, Set<String> tags) {
		Article article = this.articles.findById(id).orElseThrow();
		article.setTags(tags);
		return article;
	}

	/** Archives an article, an operation the catalog marks as not revertible. */
	@Transactional
	@Audited(value = "content.archive", entityId = "#id")
	public void archive(Long id) {
		this.articles.findById(id).orElseThrow().setStatus("ARCHIVED");
	}

	/**
	 * Deletes an article and its notes: a deletion that cascades to another entity type.
	 */
	@Transactional
	@Audited(value = "content.delete", entityId = "#id")
	public void deleteWithNotes(Long id) {
		this.notes.deleteAll(this.notes.findByArticleId(id));
		this.articles.deleteById(id);
	}

	/** Reviews an article without any audited call: an entity with a relation. */
	@Transactional
	public Review review(Long articleId, String verdict) {
		return this.reviews.save(new Review(this.articles.findById(articleId).orElseThrow(), verdict));
	}

	/**
	 * Reviews an article in an audited call: the article gains a child in its collection
	 * of reviews.
	 */
	@Transactional
	@Audited(value = "content.review", entityId = "#articleId",
			details = @Detail(name = "content_id", value = "#articleId"))
	public Review reviewAudited(Long articleId, String verdict) {
		return this.reviews.save(new Review(this.articles.findById(articleId).orElseThrow(), verdict));
	}

	/** Renames an article without any audited call. */
	@Transactional
	public void renameUnannotated(Long id, String title) {
		this.articles.findById(id).orElseThrow().setTitle(title);
	}

	@Transactional(readOnly = true)
	public Article find(Long id) {
		return this.articles.findById(id).orElseThrow();
	}

}
