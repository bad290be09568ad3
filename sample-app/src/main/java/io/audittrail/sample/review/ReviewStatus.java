package io.audittrail.sample.review;

/** The state of a review request. */
public enum ReviewStatus {

	OPEN, IN_PROGRESS, CLOSED

}
