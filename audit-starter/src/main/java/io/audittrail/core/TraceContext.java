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

	/**
	 * This trace as a W3C {@code traceparent} value, version {@code 00} with flags
	 * {@code 00}: the sampling decision of the original request is not kept.
	 * @return for example {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00}
	 */
	public String traceparent() {
		return "00-" + this.traceId + "-" + this.spanId + "-00";
	}

}
