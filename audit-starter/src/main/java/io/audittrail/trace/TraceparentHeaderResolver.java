package io.audittrail.trace;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.audittrail.core.TraceContext;
import io.audittrail.spi.TraceContextResolver;

/**
 * The trace named by the current servlet request's {@code traceparent} header; a
 * malformed header is ignored. Thread-safe.
 */
final class TraceparentHeaderResolver implements TraceContextResolver {

	@Override
	public TraceContext currentTrace() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return null;
		}
		HttpServletRequest request = servlet.getRequest();
		return Traceparent.parse(request.getHeader(Traceparent.HEADER));
	}

}
