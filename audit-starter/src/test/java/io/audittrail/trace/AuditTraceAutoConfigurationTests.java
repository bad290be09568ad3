package io.audittrail.trace;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.audittrail.core.TraceContext;
import io.audittrail.spi.TraceContextResolver;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTraceAutoConfigurationTests {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuditTraceAutoConfiguration.class));

	@AfterEach
	void leaveTheRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void readsTheCurrentSpanOfMicrometerTracing() {
		SimpleTracer tracer = new SimpleTracer();
		this.runner.withBean(Tracer.class, () -> tracer).run((context) -> {
			TraceContextResolver resolver = context.getBean(TraceContextResolver.class);
			assertThat(resolver.currentTrace()).isNull();
			Span span = tracer.nextSpan().start();
			try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
				String traceId = span.context().traceId();
				assertThat(resolver.currentTrace()).isEqualTo(new TraceContext(
						(traceId.length() == 16) ? "0000000000000000" + traceId : traceId, span.context().spanId()));
			}
			finally {
				span.end();
			}
		});
	}

	@Test
	void readsTheRequestsTraceparentWithoutASpan() {
		inRequest(TRACEPARENT);
		this.runner.withBean(Tracer.class, SimpleTracer::new)
			.run((context) -> assertThat(context.getBean(TraceContextResolver.class).currentTrace())
				.isEqualTo(new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7")));
	}

	@Test
	void readsTheRequestsTraceparentWithoutMicrometerTracing() {
		inRequest(TRACEPARENT);
		this.runner.withClassLoader(new FilteredClassLoader(Tracer.class))
			.run((context) -> assertThat(context.getBean(TraceContextResolver.class).currentTrace())
				.isEqualTo(new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7")));
	}

	@Test
	void ignoresAMalformedTraceparent() {
		inRequest("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01");
		this.runner.run((context) -> assertThat(context.getBean(TraceContextResolver.class).currentTrace()).isNull());
	}

	@Test
	void findsNoTraceOutsideRequestsAndSpans() {
		this.runner.run((context) -> assertThat(context.getBean(TraceContextResolver.class).currentTrace()).isNull());
	}

	@Test
	void backsOffWhenUserDefinesResolver() {
		TraceContext fixed = new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");
		this.runner.withBean(TraceContextResolver.class, () -> () -> fixed)
			.run((context) -> assertThat(context.getBean(TraceContextResolver.class).currentTrace()).isSameAs(fixed));
	}

	@Test
	void switchesOffWithTheAuditLog() {
		this.runner.withPropertyValues("audit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TraceContextResolver.class));
	}

	private static void inRequest(String traceparent) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/articles");
		request.addHeader(Traceparent.HEADER, traceparent);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}

}
