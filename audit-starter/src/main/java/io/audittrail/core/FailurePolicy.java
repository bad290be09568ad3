package io.audittrail.core;

/**
 * What happens to a business call when its audit cannot be written.
 */
public enum FailurePolicy {

	/** The business call fails and its transaction rolls back (fail-closed). */
	FAIL,

	/** The business call goes on; the lost audit is logged and counted (fail-open). */
	LOG

}
