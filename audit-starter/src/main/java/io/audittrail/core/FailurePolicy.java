package io.audittrail.core;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * What happens to a business call when its audit cannot be written.
 */
@API(status = Status.STABLE, since = "0.2")
public enum FailurePolicy {

	/** The business call fails and its transaction rolls back (fail-closed). */
	FAIL,

	/** The business call goes on; the lost audit is logged and counted (fail-open). */
	LOG

}
