package io.audittrail.sample.content;

/** The status a Management API request asks a content item to move to. */
public enum StatusChange {

	/** Publish the content; for published content with a draft, discard the draft. */
	PUBLISH,

	/** Make the content a draft again. */
	DRAFT

}
