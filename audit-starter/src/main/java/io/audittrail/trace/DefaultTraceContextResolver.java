package io.audittrail.trace;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ClassUtils;

import io.audittrail.core.TraceContext;
import io.audittrail.spi.TraceContextResolver;

/**
 * The trace of the first of several sources that knows one: Micrometer Tracing's current
 * span when the application traces, then the current request's {@code traceparent}
 * header. Thread-safe.
 */
final class DefaultTraceContextResolver implements TraceContextResolver {

	private final List<TraceContextResolver> sources;

	DefaultTraceContextResolver(List<TraceContextResolver> sources) {
		this.sources = List.copyOf(sources);
	}

	/** The sources the class path offers, in the order they are asked. */
	static DefaultTraceContextResolver of(BeanFactory beanFactory, ClassLoader classLoader) {
		List<TraceContextResolver> sources = new ArrayList<>();
		if (ClassUtils.isPresent("io.micrometer.tracing.Tracer", classLoader)) {
			sources.add(MicrometerTraceContextResolver.of(beanFactory));
		}
		if (ClassUtils.isPresent("org.springframework.web.context.request.RequestContextHolder", classLoader)
				&& ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest", classLoader)) {
			sources.add(new TraceparentHeaderResolver());
		}
		return new DefaultTraceContextResolver(sources);
	}

	@Override
	public TraceContext currentTrace() {
		for (TraceContextResolver source : this.sources) {
			TraceContext trace = source.currentTrace();
			if (trace != null) {
				return trace;
			}
		}
		return null;
	}

}
