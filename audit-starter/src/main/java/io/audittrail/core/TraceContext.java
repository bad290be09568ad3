package io.audittrail.core;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * The distributed trace an event was recorded in, as W3C Trace Context names it.
 *
 * @param traceId the trace id, 32 lowercase hex characters
 * @param spanId the span id, 16 lowercase hex characters, or {@code null}
 */
@API(status = Status.STABLE, since = "0.2")
public record TraceContext(String traceId, String spanId) {

	public TraceContext {
		if (traceId == null || traceId.isBlank()) {
			throw new IllegalArgumentException("traceId must not be blank");
		}
	}

}
