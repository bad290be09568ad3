package io.audittrail.sample.review;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.audittrail.annotation.Audited.Detail;
import io.audittrail.annotation.Audited;
import io.audittrail.sample.service.CmsService;
import io.audittrail.sample.service.Services;
import io.audittrail.sample.web.ConflictException;
import io.audittrail.sample.web.NotFoundException;

/**
 * AI reviewers, their runs on review requests, and whether a service uses AI review.
 */
@Service
@Transactional
public class AiReviewOperations {

	private final Services services;

	private final ReviewOperations reviews;

	private final AiReviewerRepository reviewers;

	private final AiReviewRunRepository runs;

	private final AiReviewSettingsRepository settings;

	private final Clock clock = Clock.systemUTC();

	public AiReviewOperations(Services services, ReviewOperations reviews, AiReviewerRepository reviewers,
			AiReviewRunRepository runs, AiReviewSettingsRepository settings) {
		this.services = services;
		this.reviews = reviews;
		this.reviewers = reviewers;
		this.runs = runs;
		this.settings = settings;
	}

	@Audited(value = "ai_review.create_reviewer", entityId = "#result?.id", entityName = "#name",
			details = { @Detail(name = "ai_reviewer_id", value = "#result?.id"),
					@Detail(name = "ai_reviewer_name", value = "#name") })
	public AiReviewer createReviewer(String serviceId, String name, String instructions, boolean autoExecute) {
		AiReviewer reviewer = new AiReviewer();
		reviewer.serviceRef = this.services.require(serviceId).id;
		reviewer.name = name;
		reviewer.instructions = instructions;
		reviewer.autoExecute = autoExecute;
		return this.reviewers.save(reviewer);
	}

	@Audited(value = "ai_review.update_reviewer", entityId = "#reviewerId", entityName = "#name",
			details = { @Detail(name = "ai_reviewer_id", value = "#reviewerId"),
					@Detail(name = "ai_reviewer_name", value = "#name") })
	public AiReviewer updateReviewer(String serviceId, Long reviewerId, String name, String instructions,
			boolean autoExecute) {
		AiReviewer reviewer = reviewer(serviceId, reviewerId);
		reviewer.name = name;
		reviewer.instructions = instructions;
		reviewer.autoExecute = autoExecute;
		return reviewer;
	}

	@Audited(value = "ai_review.delete_reviewer", entityId = "#reviewerId", entityName = "#result?.name",
			details = { @Detail(name = "ai_reviewer_id", value = "#reviewerId"),
					@Detail(name = "ai_reviewer_name", value = "#result?.name") })
	public AiReviewer deleteReviewer(String serviceId, Long reviewerId) {
		AiReviewer reviewer = reviewer(serviceId, reviewerId);
		this.reviewers.delete(reviewer);
		return reviewer;
	}

	/** Runs an AI reviewer on a review request, as a member asks. */
	@Audited(value = "ai_review.execute", entityId = "#reviewerId", entityName = "#result?.reviewer()?.name",
			details = { @Detail(name = "ai_reviewer_id", value = "#reviewerId"),
					@Detail(name = "ai_reviewer_name", value = "#result?.reviewer()?.name"),
					@Detail(name = "review_request_id", value = "#reviewId"),
					@Detail(name = "review_request_title", value = "#result?.review()?.title") })
	public AiRun execute(String serviceId, Long reviewId, Long reviewerId) {
		requireEnabled(serviceId);
		return run(this.reviews.find(serviceId, reviewId), reviewer(serviceId, reviewerId), false);
	}

	/**
	 * Runs every AI reviewer marked to run by itself on a review request, one event per
	 * reviewer.
	 */
	@Audited(value = "ai_review.auto_execute", forEach = "#result", entityId = "#item.reviewer().id",
			entityName = "#item.reviewer().name",
			details = { @Detail(name = "ai_reviewer_id", value = "#item.reviewer().id"),
					@Detail(name = "ai_reviewer_name", value = "#item.reviewer().name"),
					@Detail(name = "review_request_id", value = "#reviewId"),
					@Detail(name = "review_request_title", value = "#item.review().title") })
	public List<AiRun> autoExecute(String serviceId, Long reviewId) {
		CmsService service = requireEnabled(serviceId);
		ReviewRequest review = this.reviews.find(serviceId, reviewId);
		List<AiReviewer> automatic = this.reviewers.findByServiceRefAndAutoExecuteTrueOrderById(service.id);
		if (automatic.isEmpty()) {
			throw new ConflictException("no AI reviewer of the service runs automatically");
		}
		return automatic.stream().map((reviewer) -> run(review, reviewer, true)).toList();
	}

	@Audited(value = "ai_review.update_settings", entityType = "AiReviewSettings", entityId = "#result?.id",
			entityName = "#serviceId")
	public AiReviewSettings updateSettings(String serviceId, boolean enabled, boolean autoExecute) {
		CmsService service = this.services.require(serviceId);
		AiReviewSettings settings = this.settings.findByServiceRef(service.id).orElseGet(() -> {
			AiReviewSettings created = new AiReviewSettings();
			created.serviceRef = service.id;
			return created;
		});
		settings.enabled = enabled;
		settings.autoExecute = autoExecute;
		return this.settings.save(settings);
	}

	private AiRun run(ReviewRequest review, AiReviewer reviewer, boolean automatic) {
		AiReviewRun run = new AiReviewRun();
		run.reviewRef = review.id;
		run.reviewerRef = reviewer.id;
		run.automatic = automatic;
		run.ranAt = this.clock.instant();
		run.result = "Reviewed '" + review.title + "' following: " + reviewer.instructions;
		return new AiRun(this.runs.save(run), reviewer, review);
	}

	private CmsService requireEnabled(String serviceId) {
		CmsService service = this.services.require(serviceId);
		boolean enabled = this.settings.findByServiceRef(service.id).map((s) -> s.enabled).orElse(false);
		if (!enabled) {
			throw new ConflictException("AI review is switched off for the service");
		}
		return service;
	}

	private AiReviewer reviewer(String serviceId, Long reviewerId) {
		return this.reviewers.findByIdAndServiceRef(reviewerId, this.services.require(serviceId).id)
			.orElseThrow(() -> new NotFoundException("AI reviewer", reviewerId));
	}

}
