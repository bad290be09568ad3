package io.audittrail.core;

/**
 * The kind of change an operation makes, as the audit log's "Action" column shows it.
 */
public enum Action {

	CREATE, UPDATE, DELETE, OTHER

}
