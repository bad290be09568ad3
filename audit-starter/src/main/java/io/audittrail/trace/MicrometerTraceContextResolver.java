package io.audittrail.trace;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;

import io.audittrail.core.TraceContext;
import io.audittrail.spi.TraceContextResolver;

/**
 * The trace of Micrometer Tracing's current span, when the application has a
 * {@link Tracer}. A 64-bit trace id is widened to 128 bits with leading zeros, as W3C
 * Trace Context does. Thread-safe.
 */
final class MicrometerTraceContextResolver implements TraceContextResolver {

	private final ObjectProvider<Tracer> tracers;

	private volatile Tracer tracer;

	MicrometerTraceContextResolver(ObjectProvider<Tracer> tracers) {
		this.tracers = tracers;
	}

	/** A resolver asking the bean factory's tracer, looked up at the first call. */
	static MicrometerTraceContextResolver of(BeanFactory beanFactory) {
		return new MicrometerTraceContextResolver(beanFactory.getBeanProvider(Tracer.class));
	}

	@Override
	public TraceContext currentTrace() {
		Tracer tracer = tracer();
		Span span = (tracer != null) ? tracer.currentSpan() : null;
		if (span == null) {
			return null;
		}
		var context = span.context();
		String traceId = context.traceId();
		if (traceId != null && traceId.length() == 16) {
			traceId = "0000000000000000" + traceId;
		}
		return Traceparent.parse("00-" + traceId + "-" + context.spanId() + "-00");
	}

	private Tracer tracer() {
		Tracer tracer = this.tracer;
		if (tracer == null) {
			tracer = this.tracers.getIfUnique();
			this.tracer = tracer;
		}
		return tracer;
	}

}
