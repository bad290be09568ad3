/**
 * Review requests, comments and reviewers, and AI review.
 */
package io.audittrail.sample.review;
