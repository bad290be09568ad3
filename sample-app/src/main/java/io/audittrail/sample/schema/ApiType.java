package io.audittrail.sample.schema;

/** Whether an API serves a list of contents or a single object. */
public enum ApiType {

	LIST, OBJECT

}
