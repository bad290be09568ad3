package io.audittrail.capture.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.ContentCachingRequestWrapper;

import io.audittrail.core.Actor;
import io.audittrail.core.RequestOrigin;
import io.audittrail.core.TraceContext;

/**
 * One request being captured, kept as a request attribute from the capture filter's start
 * to the response's completion. Written on the request's thread, read on the thread that
 * completes an asynchronous request.
 */
final class CapturedRequest {

	static final String ATTRIBUTE = CapturedRequest.class.getName();

	private final HttpServletRequest request;

	private final ContentCachingRequestWrapper body;

	private final Instant startedAt;

	private volatile Caller caller;

	private volatile boolean recorded;

	private volatile List<Map<String, Object>> parts;

	CapturedRequest(HttpServletRequest request, ContentCachingRequestWrapper body, Instant startedAt) {
		this.request = request;
		this.body = body;
		this.startedAt = startedAt;
	}

	static CapturedRequest of(HttpServletRequest request) {
		Object captured = request.getAttribute(ATTRIBUTE);
		return (captured instanceof CapturedRequest capturedRequest) ? capturedRequest : null;
	}

	/**
	 * The request as the application sees it: with its body cached when the body is kept.
	 */
	HttpServletRequest request() {
		return (this.body != null) ? this.body : this.request;
	}

	/** The caching wrapper of the body, or {@code null} when the body is not kept. */
	ContentCachingRequestWrapper body() {
		return this.body;
	}

	Instant startedAt() {
		return this.startedAt;
	}

	Caller caller() {
		return this.caller;
	}

	void caller(Caller caller) {
		this.caller = caller;
	}

	boolean recorded() {
		return this.recorded;
	}

	void markRecorded() {
		this.recorded = true;
	}

	List<Map<String, Object>> parts() {
		return this.parts;
	}

	void parts(List<Map<String, Object>> parts) {
		this.parts = parts;
	}

	/**
	 * Who made the request, taken while the request was inside the security filters,
	 * before they clear the security context.
	 */
	record Caller(Actor actor, String tenant, RequestOrigin origin, String authType, TraceContext trace) {

	}

}
