package io.audittrail.sample.review;

/**
 * One AI review of a review request.
 *
 * @param run what the reviewer found
 * @param reviewer the AI reviewer
 * @param review the review request
 */
public record AiRun(AiReviewRun run, AiReviewer reviewer, ReviewRequest review) {

}
