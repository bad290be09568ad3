package io.audittrail.core;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * Where the current call comes from.
 *
 * @param ip the client's IP address, or {@code null} outside a request
 * @param requestId the id of the current request, or {@code null} outside a request
 */
@API(status = Status.STABLE, since = "0.2")
public record RequestOrigin(String ip, String requestId) {

	private static final RequestOrigin NONE = new RequestOrigin(null, null);

	/** The origin of a call made outside any request. */
	public static RequestOrigin none() {
		return NONE;
	}

}
