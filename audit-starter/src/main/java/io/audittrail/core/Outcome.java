package io.audittrail.core;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * Whether a recorded call completed.
 */
@API(status = Status.STABLE, since = "0.2")
public enum Outcome {

	/** The call returned and its transaction committed. */
	SUCCESS,

	/** The call threw, or its transaction rolled back. */
	FAILURE

}
