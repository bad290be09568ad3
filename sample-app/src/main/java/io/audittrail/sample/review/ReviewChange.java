package io.audittrail.sample.review;

import io.audittrail.sample.content.ContentChange;

/**
 * A review request and the content it is about, as returned by review operations.
 *
 * @param review the review request
 * @param subject the content under review and its API
 */
public record ReviewChange(ReviewRequest review, ContentChange subject) {

}
