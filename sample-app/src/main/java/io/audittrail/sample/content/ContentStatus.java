package io.audittrail.sample.content;

/** The publication state of a content item. */
public enum ContentStatus {

	DRAFT, PUBLISHED, PUBLISHED_AND_DRAFT, CLOSED

}
