package io.audittrail.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The distributed trace a call belongs to, as W3C Trace Context identifies it.
 *
 * @param traceId the trace id: 32 lowercase hex digits, not all zero
 * @param spanId the id of the current span: 16 lowercase hex digits, not all zero
 */
public record TraceContext(String traceId, String spanId) {

	private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

	private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");

	public TraceContext {
		Objects.requireNonNull(traceId, "traceId must not be null");
		Objects.requireNonNull(spanId, "spanId must not be null");
		if (!TRACE_ID.matcher(traceId).matches() || traceId.chars().allMatch((c) -> c == '0')) {
			throw new IllegalArgumentException("traceId must be 32 lowercase hex digits, not all zero: " + traceId);
		}
		if (!SPAN_ID.matcher(spanId).matches() || spanId.chars().allMatch((c) -> c == '0')) {
			throw new IllegalArgumentException("spanId must be 16 lowercase hex digits, not all zero: " + spanId);
		}
	}

}
