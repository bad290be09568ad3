package io.audittrail.trace;

import java.util.regex.Pattern;

import io.audittrail.core.TraceContext;

/**
 * Reads and writes the W3C {@code traceparent} header
 * (<a href="https://www.w3.org/TR/trace-context/#traceparent-header">Trace Context, level
 * 1</a>): {@code version-traceid-parentid-flags} in lowercase hex.
 */
final class Traceparent {

	/** The name of the header, in HTTP and in Kafka records. */
	public static final String HEADER = "traceparent";

	private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

	private static final int LENGTH = 55;

	private Traceparent() {
	}

	/**
	 * The trace of a {@code traceparent} value, or {@code null} when the value is absent
	 * or malformed: wrong length or case, version {@code ff}, an all-zero id, or version
	 * {@code 00} followed by anything. A later version may append fields after a dash,
	 * which are ignored.
	 */
	public static TraceContext parse(String value) {
		if (value == null || value.length() < LENGTH) {
			return null;
		}
		String version = value.substring(0, 2);
		if (value.length() > LENGTH && (version.equals("00") || value.charAt(LENGTH) != '-')) {
			return null;
		}
		String fields = value.substring(0, LENGTH);
		if (!FORMAT.matcher(fields).matches() || version.equals("ff")) {
			return null;
		}
		String traceId = fields.substring(3, 35);
		String spanId = fields.substring(36, 52);
		if (isZero(traceId) || isZero(spanId)) {
			return null;
		}
		return new TraceContext(traceId, spanId);
	}

	private static boolean isZero(String hex) {
		return hex.chars().allMatch((c) -> c == '0');
	}

}
