package io.audittrail.capture.http;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingRequestWrapper;

import io.audittrail.capture.RequestCapture;
import io.audittrail.core.Action;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.Outcome;
import io.audittrail.core.RequestInfo;
import io.audittrail.spi.ActorResolver;
import io.audittrail.spi.HttpAuthTypeResolver;
import io.audittrail.spi.RequestOriginResolver;
import io.audittrail.spi.TenantResolver;
import io.audittrail.spi.TraceContextResolver;
import io.audittrail.store.RequestCompletion;

/**
 * Records captured requests. A request that runs an audited operation is recorded by that
 * operation's events, which carry its request part ({@link #recordCurrentRequest()}); its
 * status is set on them once the response is complete. Any other captured request becomes
 * one {@code http.request} event, written off the request thread. Plain class: the filter
 * and the interceptor only delegate to it. Thread-safe.
 */
final class HttpRequestRecorder implements RequestCapture {

	/** The operation of requests that ran no audited operation. */
	public static final String OPERATION = "http.request";

	private static final Log logger = LogFactory.getLog(HttpRequestRecorder.class);

	private static final int MAX_PARTS = 100;

	private final HttpCaptureSettings settings;

	private final ActorResolver actors;

	private final TenantResolver tenants;

	private final RequestOriginResolver origins;

	private final HttpAuthTypeResolver authTypes;

	private final TraceContextResolver traces;

	private final HttpEventWriter writer;

	private final RequestDetails details;

	private final Masking masking;

	private final Clock clock;

	HttpRequestRecorder(HttpCaptureSettings settings, ActorResolver actors, TenantResolver tenants,
			RequestOriginResolver origins, HttpAuthTypeResolver authTypes, TraceContextResolver traces,
			HttpEventWriter writer, JsonMapper json, Masking masking, Clock clock) {
		this.settings = settings;
		this.actors = actors;
		this.tenants = tenants;
		this.origins = origins;
		this.authTypes = authTypes;
		this.traces = traces;
		this.writer = writer;
		this.details = new RequestDetails(settings, json, masking);
		this.masking = masking;
		this.clock = clock;
	}

	/** Whether the request is one to record. */
	public boolean captures(HttpServletRequest request) {
		try {
			return this.settings.captures(request);
		}
		catch (RuntimeException ex) {
			logger.debug("Cannot match the request path " + request.getRequestURI() + "; not recording it", ex);
			return false;
		}
	}

	/**
	 * Starts capturing the request. The returned request is the one to hand on: it caches
	 * the body as the application reads it, when the body is kept.
	 */
	public HttpServletRequest start(HttpServletRequest request) {
		ContentCachingRequestWrapper body = null;
		if (this.settings.includeBody() && !isMultipart(request)) {
			body = new ContentCachingRequestWrapper(request, this.settings.maxBodyBytes() + 1);
		}
		CapturedRequest captured = new CapturedRequest(request, body, this.clock.instant());
		request.setAttribute(CapturedRequest.ATTRIBUTE, captured);
		return captured.request();
	}

	/**
	 * Takes who makes the request, unless already taken. Called while the request is
	 * inside the security filters: when its handler is about to run, or when a response
	 * status is set.
	 */
	public void identifyCaller(HttpServletRequest request) {
		CapturedRequest captured = CapturedRequest.of(request);
		if (captured != null && captured.caller() == null) {
			try {
				captured.caller(caller(request));
			}
			catch (RuntimeException ex) {
				logger.debug("Cannot identify the caller yet; trying again when the request completes", ex);
			}
		}
	}

	/** Describes the parts of a multipart request while they are still there. */
	public void handled(HttpServletRequest request) {
		CapturedRequest captured = CapturedRequest.of(request);
		if (captured != null && captured.parts() == null && this.settings.includeBody() && isMultipart(request)) {
			captured.parts(parts(captured.request()));
		}
	}

	@Override
	public RequestInfo recordCurrentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return null;
		}
		HttpServletRequest request = servlet.getRequest();
		CapturedRequest captured = CapturedRequest.of(request);
		if (captured == null) {
			return null;
		}
		try {
			identifyCaller(request);
			handled(request);
			RequestInfo info = requestInfo(captured, captured.caller());
			captured.markRecorded();
			return info;
		}
		catch (RuntimeException | StackOverflowError ex) {
			logger.error("Cannot describe the request " + request.getMethod() + " " + path(request)
					+ "; it is recorded as an entry of its own", ex);
			return null;
		}
	}

	/**
	 * Records the request once its response is complete: its status goes to the events of
	 * its audited operations, or it becomes an entry of its own. Never throws.
	 * @param failure what the application threw, or {@code null}
	 */
	public void complete(HttpServletRequest request, int status, Throwable failure) {
		CapturedRequest captured = CapturedRequest.of(request);
		if (captured == null) {
			return;
		}
		try {
			CapturedRequest.Caller caller = captured.caller();
			if (caller == null) {
				caller = callerAfterwards(captured.request());
			}
			if (captured.recorded()) {
				if (caller.origin().requestId() != null) {
					this.writer.complete(new RequestCompletion(caller.origin().requestId(), request.getMethod(),
							captured.startedAt(), status));
				}
				return;
			}
			Outcome outcome = (status >= 400 || failure != null) ? Outcome.FAILURE : Outcome.SUCCESS;
			String error = (failure != null) ? failure.getClass().getName() : null;
			HttpServletRequest described = captured.request();
			String method = described.getMethod();
			String path = path(described);
			String resource = resource(described);
			Instant startedAt = captured.startedAt();
			CapturedRequest.Caller identified = caller;
			RequestDetails.RequestSnapshot snapshot = this.details.snapshot(captured);
			// Only copies are queued, not the request; the body is parsed and masked on
			// the writer's thread.
			this.writer.write(() -> new AuditEvent(null, startedAt, identified.tenant(), OPERATION, "http",
					Action.OTHER, outcome, identified.actor(), identified.origin().ip(), null, null, error,
					identified.origin().requestId(), null, new RequestInfo(method, path, status, resource,
							identified.authType(), this.details.describe(snapshot)),
					identified.trace()));
		}
		catch (RuntimeException | StackOverflowError ex) {
			logger.error("Cannot record the request " + request.getMethod() + " " + path(request), ex);
		}
	}

	private RequestInfo requestInfo(CapturedRequest captured, CapturedRequest.Caller caller) {
		HttpServletRequest request = captured.request();
		return new RequestInfo(request.getMethod(), path(request), null, resource(request),
				(caller != null) ? caller.authType() : null, this.details.describe(this.details.snapshot(captured)));
	}

	private CapturedRequest.Caller caller(HttpServletRequest request) {
		return new CapturedRequest.Caller(this.actors.currentActor(), this.tenants.currentTenant(),
				this.origins.currentOrigin(), this.authTypes.authType(request), this.traces.currentTrace());
	}

	/**
	 * Who made a request that never reached a point where the caller was taken: resolved
	 * in its scope.
	 */
	private CapturedRequest.Caller callerAfterwards(HttpServletRequest request) {
		if (RequestContextHolder.getRequestAttributes() != null) {
			return caller(request);
		}
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			return caller(request);
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

	/**
	 * The request's path, with secret matrix parameters such as {@code ;jsessionid=}
	 * masked.
	 */
	private String path(HttpServletRequest request) {
		return this.masking.maskPath(request.getRequestURI());
	}

	private static String resource(HttpServletRequest request) {
		Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
		if (handler instanceof HandlerMethod method) {
			return method.getBeanType().getSimpleName();
		}
		return (handler != null) ? handler.getClass().getSimpleName() : null;
	}

	private static List<Map<String, Object>> parts(HttpServletRequest request) {
		List<Map<String, Object>> described = new ArrayList<>();
		try {
			Collection<Part> parts = request.getParts();
			for (Part part : parts) {
				if (described.size() >= MAX_PARTS) {
					break;
				}
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("name", RequestDetails.cut(part.getName()));
				if (part.getSubmittedFileName() != null) {
					item.put("filename", RequestDetails.cut(part.getSubmittedFileName()));
				}
				if (part.getContentType() != null) {
					item.put("contentType", RequestDetails.cut(part.getContentType()));
				}
				item.put("size", part.getSize());
				described.add(item);
			}
		}
		catch (Exception ex) {
			// Parts that cannot be read (too large, malformed) are not described; the
			// body's size still is.
			return List.of();
		}
		return described;
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

}
