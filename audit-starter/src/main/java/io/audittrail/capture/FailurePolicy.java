package io.audittrail.capture;

import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

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
