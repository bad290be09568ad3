package io.audittrail.sample.review;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.audittrail.sample.service.Services;

/**
 * Review requests, their comments and reviewers, and AI review.
 */
@RestController
@RequestMapping("/api/v1/services/{serviceId}")
@PreAuthorize("hasAuthority('editContents')")
class ReviewController {

	private final ReviewOperations reviews;

	private final AiReviewOperations ai;

	private final ReviewRequestRepository repository;

	private final ReviewCommentRepository comments;

	private final Services services;

	ReviewController(ReviewOperations reviews, AiReviewOperations ai, ReviewRequestRepository repository,
			ReviewCommentRepository comments, Services services) {
		this.reviews = reviews;
		this.ai = ai;
		this.repository = repository;
		this.comments = comments;
		this.services = services;
	}

	@GetMapping("/reviews")
	@PreAuthorize("hasAuthority('member')")
	List<ReviewRequest> list(@PathVariable String serviceId) {
		return this.repository.findByServiceRefOrderById(this.services.require(serviceId).id);
	}

	@PostMapping("/reviews")
	@ResponseStatus(HttpStatus.CREATED)
	ReviewRequest create(@PathVariable String serviceId, @Valid @RequestBody NewReview body) {
		return this.reviews.create(serviceId, body.endpoint(), body.contentId(), body.title()).review();
	}

	@PatchMapping("/reviews/{reviewId}")
	ReviewRequest update(@PathVariable String serviceId, @PathVariable Long reviewId, @Valid @RequestBody Title body) {
		return this.reviews.update(serviceId, reviewId, body.title());
	}

	@PutMapping("/reviews/{reviewId}/status")
	ReviewRequest status(@PathVariable String serviceId, @PathVariable Long reviewId, @Valid @RequestBody Status body) {
		return this.reviews.changeStatus(serviceId, reviewId, body.status());
	}

	@PostMapping("/reviews/{reviewId}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	List<ReviewComment> comment(@PathVariable String serviceId, @PathVariable Long reviewId,
			@Valid @RequestBody Comment body, Authentication member) {
		this.reviews.createComment(serviceId, reviewId, member.getName(), body.text());
		return this.comments.findByReviewRefOrderById(reviewId);
	}

	@DeleteMapping("/reviews/{reviewId}/comments/{commentId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteComment(@PathVariable String serviceId, @PathVariable Long reviewId, @PathVariable Long commentId) {
		this.reviews.deleteComment(serviceId, reviewId, commentId);
	}

	@PostMapping("/reviews/{reviewId}/reviewers")
	ReviewRequest addReviewer(@PathVariable String serviceId, @PathVariable Long reviewId,
			@Valid @RequestBody Reviewer body) {
		return this.reviews.addReviewer(serviceId, reviewId, body.email());
	}

	@DeleteMapping("/reviews/{reviewId}/reviewers/{email}")
	ReviewRequest deleteReviewer(@PathVariable String serviceId, @PathVariable Long reviewId,
			@PathVariable String email) {
		return this.reviews.deleteReviewer(serviceId, reviewId, email);
	}

	@PostMapping("/reviews/{reviewId}/publish")
	ReviewRequest closeAndPublish(@PathVariable String serviceId, @PathVariable Long reviewId) {
		return this.reviews.closeAndPublish(serviceId, reviewId).review();
	}

	@PostMapping("/reviews/{reviewId}/unpublish")
	ReviewRequest closeAndUnpublish(@PathVariable String serviceId, @PathVariable Long reviewId) {
		return this.reviews.closeAndUnpublish(serviceId, reviewId).review();
	}

	@PostMapping("/reviews/{reviewId}/ai-reviews")
	@ResponseStatus(HttpStatus.CREATED)
	AiReviewRun aiReview(@PathVariable String serviceId, @PathVariable Long reviewId,
			@Valid @RequestBody AiReviewRequest body) {
		return this.ai.execute(serviceId, reviewId, body.aiReviewerId()).run();
	}

	@PostMapping("/reviews/{reviewId}/ai-reviews/automatic")
	@ResponseStatus(HttpStatus.CREATED)
	List<AiReviewRun> automaticAiReview(@PathVariable String serviceId, @PathVariable Long reviewId) {
		return this.ai.autoExecute(serviceId, reviewId).stream().map(AiRun::run).toList();
	}

	@PostMapping("/ai-reviewers")
	@ResponseStatus(HttpStatus.CREATED)
	AiReviewer createReviewer(@PathVariable String serviceId, @Valid @RequestBody AiReviewerBody body) {
		return this.ai.createReviewer(serviceId, body.name(), body.instructions(),
				Boolean.TRUE.equals(body.autoExecute()));
	}

	@PatchMapping("/ai-reviewers/{reviewerId}")
	AiReviewer updateReviewer(@PathVariable String serviceId, @PathVariable Long reviewerId,
			@Valid @RequestBody AiReviewerBody body) {
		return this.ai.updateReviewer(serviceId, reviewerId, body.name(), body.instructions(),
				Boolean.TRUE.equals(body.autoExecute()));
	}

	@DeleteMapping("/ai-reviewers/{reviewerId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteReviewer(@PathVariable String serviceId, @PathVariable Long reviewerId) {
		this.ai.deleteReviewer(serviceId, reviewerId);
	}

	@PutMapping("/ai-review/settings")
	@PreAuthorize("hasAuthority('manageService')")
	Map<String, Boolean> aiSettings(@PathVariable String serviceId, @Valid @RequestBody AiSettings body) {
		AiReviewSettings settings = this.ai.updateSettings(serviceId, body.enabled(),
				Boolean.TRUE.equals(body.autoExecute()));
		return Map.of("enabled", settings.enabled, "autoExecute", settings.autoExecute);
	}

	record NewReview(@NotBlank String endpoint, @NotBlank String contentId, @NotBlank String title) {
	}

	record Title(@NotBlank String title) {
	}

	record Status(@NotNull ReviewStatus status) {
	}

	record Comment(@NotBlank String text) {
	}

	record Reviewer(@NotBlank @Email String email) {
	}

	record AiReviewRequest(@NotNull Long aiReviewerId) {
	}

	record AiReviewerBody(@NotBlank String name, @NotBlank String instructions, Boolean autoExecute) {
	}

	record AiSettings(@NotNull Boolean enabled, Boolean autoExecute) {
	}

}
