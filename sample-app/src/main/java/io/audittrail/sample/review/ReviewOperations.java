package io.audittrail.sample.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.audittrail.annotation.Audited.Detail;
import io.audittrail.annotation.Audited;
import io.audittrail.sample.content.ContentChange;
import io.audittrail.sample.content.ContentOperations;
import io.audittrail.sample.content.ContentRepository;
import io.audittrail.sample.schema.ApiRepository;
import io.audittrail.sample.service.CmsService;
import io.audittrail.sample.service.Services;
import io.audittrail.sample.web.ConflictException;
import io.audittrail.sample.web.InvalidInputException;
import io.audittrail.sample.web.NotFoundException;

/**
 * Review requests: asking members to review a content item before it is published.
 */
@Service
@Transactional
public class ReviewOperations {

	private final Services services;

	private final ReviewRequestRepository reviews;

	private final ReviewCommentRepository comments;

	private final ContentOperations contentOperations;

	private final ContentRepository contents;

	private final ApiRepository apis;

	public ReviewOperations(Services services, ReviewRequestRepository reviews, ReviewCommentRepository comments,
			ContentOperations contentOperations, ContentRepository contents, ApiRepository apis) {
		this.services = services;
		this.reviews = reviews;
		this.comments = comments;
		this.contentOperations = contentOperations;
		this.contents = contents;
		this.apis = apis;
	}

	@Audited(value = "review.create", entityId = "#result?.review()?.id", entityName = "#title",
			details = { @Detail(name = "review_request_id", value = "#result?.review()?.id"),
					@Detail(name = "review_request_title", value = "#title"),
					@Detail(name = "api_id", value = "#result?.subject()?.api()?.id"),
					@Detail(name = "api_name", value = "#result?.subject()?.api()?.name"),
					@Detail(name = "content_id", value = "#contentId") })
	public ReviewChange create(String serviceId, String endpoint, String contentId, String title) {
		CmsService service = this.services.require(serviceId);
		ContentChange subject = this.contentOperations.find(serviceId, endpoint, contentId);
		ReviewRequest review = new ReviewRequest();
		review.serviceRef = service.id;
		review.contentRef = subject.content().id;
		review.title = title;
		review.status = ReviewStatus.OPEN;
		review.reviewers = "";
		return new ReviewChange(this.reviews.save(review), subject);
	}

	@Audited(value = "review.update", entityId = "#reviewId", entityName = "#title",
			details = { @Detail(name = "review_request_id", value = "#reviewId"),
					@Detail(name = "review_request_title", value = "#title") })
	public ReviewRequest update(String serviceId, Long reviewId, String title) {
		ReviewRequest review = open(serviceId, reviewId);
		review.title = title;
		return review;
	}

	@Audited(value = "review.change_status", entityId = "#reviewId", entityName = "#result?.title",
			details = { @Detail(name = "review_request_id", value = "#reviewId"),
					@Detail(name = "review_request_title", value = "#result?.title") })
	public ReviewRequest changeStatus(String serviceId, Long reviewId, ReviewStatus status) {
		ReviewRequest review = find(serviceId, reviewId);
		if (review.status == status) {
			throw new ConflictException("review request " + reviewId + " is already " + status);
		}
		review.status = status;
		return review;
	}

	@Audited(value = "review.create_comment", entityId = "#reviewId", entityName = "#result?.title",
			details = { @Detail(name = "review_request_id", value = "#reviewId"),
					@Detail(name = "review_request_title", value = "#result?.title") })
	public ReviewRequest createComment(String serviceId, Long reviewId, String author, String text) {
		ReviewRequest review = find(serviceId, reviewId);
		ReviewComment comment = new ReviewComment();
		comment.reviewRef = review.id;
		comment.author = author;
		comment.text = text;
		this.comments.save(comment);
		return review;
	}

	@Audited(value = "review.delete_comment", entityId = "#reviewId", entityName = "#result?.title",
			details = { @Detail(name = "review_request_id", value = "#reviewId"),
					@Detail(name = "review_request_title", value = "#result?.title") })
	public ReviewRequest deleteComment(String serviceId, Long reviewId, Long commentId) {
		ReviewRequest review = find(serviceId, reviewId);
		ReviewComment comment = this.comments.findByIdAndReviewRef(commentId, reviewId)
			.orElseThrow(() -> new NotFoundException("Comment", commentId));
		this.comments.delete(comment);
		return review;
	}

	@Audited(value = "review.add_reviewer", entityId = "#reviewId", entityName = "#result?.title",
			details = { @Detail(name = "review_request_id", value = "#reviewId"),
					@Detail(name = "review_request_title", value = "#result?.title"),
					@Detail(name = "reviewer", value = "#email") })
	public ReviewRequest addReviewer(String serviceId, Long reviewId, String email) {
		ReviewRequest review = open(serviceId, reviewId);
		if (!this.services.isMember(this.services.require(serviceId), email)) {
			throw new InvalidInputException("email", email + " is not a member of the service");
		}
		List<String> reviewers = reviewers(review);
		if (reviewers.contains(email)) {
			throw new InvalidInputException("email", email + " already reviews this request");
		}
		reviewers.add(email);
		review.reviewers = String.join(",", reviewers);
		return review;
	}

	@Audited(value = "review.delete_reviewer", entityId = "#reviewId", entityName = "#result?.title",
			details = { @Detail(name = "review_request_id", value = "#reviewId"),
					@Detail(name = "review_request_title", value = "#result?.title"),
					@Detail(name = "reviewer", value = "#email") })
	public ReviewRequest deleteReviewer(String serviceId, Long reviewId, String email) {
		ReviewRequest review = open(serviceId, reviewId);
		List<String> reviewers = reviewers(review);
		if (!reviewers.remove(email)) {
			throw new NotFoundException("Reviewer", email);
		}
		review.reviewers = String.join(",", reviewers);
		return review;
	}

	/** Ends the request and publishes the content, with its draft's changes. */
	@Audited(value = "review.close_and_publish", entityId = "#reviewId", entityName = "#result?.review()?.title",
			details = { @Detail(name = "review_request_id", value = "#reviewId"),
					@Detail(name = "review_request_title", value = "#result?.review()?.title"),
					@Detail(name = "api_id", value = "#result?.subject()?.api()?.id"),
					@Detail(name = "api_name", value = "#result?.subject()?.api()?.name"),
					@Detail(name = "content_id", value = "#result?.subject()?.content()?.contentId") })
	public ReviewChange closeAndPublish(String serviceId, Long reviewId) {
		ReviewChange change = close(serviceId, reviewId);
		this.contentOperations.publish(change.subject());
		return change;
	}

	/** Ends the request and stops publishing the content. */
	@Audited(value = "review.close_and_unpublish", entityId = "#reviewId", entityName = "#result?.review()?.title",
			details = { @Detail(name = "review_request_id", value = "#reviewId"),
					@Detail(name = "review_request_title", value = "#result?.review()?.title"),
					@Detail(name = "api_id", value = "#result?.subject()?.api()?.id"),
					@Detail(name = "api_name", value = "#result?.subject()?.api()?.name"),
					@Detail(name = "content_id", value = "#result?.subject()?.content()?.contentId") })
	public ReviewChange closeAndUnpublish(String serviceId, Long reviewId) {
		ReviewChange change = close(serviceId, reviewId);
		this.contentOperations.close(change.subject());
		return change;
	}

	private ReviewChange close(String serviceId, Long reviewId) {
		ReviewRequest review = open(serviceId, reviewId);
		var content = this.contents.findById(review.contentRef)
			.orElseThrow(() -> new ConflictException("the content under review no longer exists"));
		var api = this.apis.findById(content.apiRef).orElseThrow();
		review.status = ReviewStatus.CLOSED;
		return new ReviewChange(review, new ContentChange(api, content));
	}

	ReviewRequest find(String serviceId, Long reviewId) {
		return this.reviews.findByIdAndServiceRef(reviewId, this.services.require(serviceId).id)
			.orElseThrow(() -> new NotFoundException("Review request", reviewId));
	}

	private ReviewRequest open(String serviceId, Long reviewId) {
		ReviewRequest review = find(serviceId, reviewId);
		if (review.status == ReviewStatus.CLOSED) {
			throw new ConflictException("review request " + reviewId + " is closed");
		}
		return review;
	}

	private static List<String> reviewers(ReviewRequest review) {
		return (review.reviewers == null || review.reviewers.isBlank()) ? new ArrayList<>()
				: new ArrayList<>(Arrays.asList(review.reviewers.split(",")));
	}

}
