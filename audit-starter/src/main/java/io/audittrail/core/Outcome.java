package io.audittrail.core;

/**
 * Whether a recorded call completed.
 */
public enum Outcome {

	/** The call returned and its transaction committed. */
	SUCCESS,

	/** The call threw, or its transaction rolled back. */
	FAILURE

}
