package io.audittrail.store;

import java.time.Instant;
import java.util.Objects;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * The status of a request whose events were written while it ran, to be set on those
 * events once the response is complete.
 *
 * @param requestId the request id the events carry
 * @param method the request's HTTP method
 * @param startedAt when the request started; its events occurred at or after it
 * @param status the response status
 */
@API(status = Status.INTERNAL, since = "0.2")
public record RequestCompletion(String requestId, String method, Instant startedAt, int status) {

	public RequestCompletion {
		Objects.requireNonNull(requestId, "requestId must not be null");
		Objects.requireNonNull(method, "method must not be null");
		Objects.requireNonNull(startedAt, "startedAt must not be null");
	}

}
