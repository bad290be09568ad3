package io.audittrail.trace;

import org.junit.jupiter.api.Test;

import io.audittrail.core.TraceContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header values are those of the W3C Trace Context recommendation's examples and its
 * rules for invalid values (https://www.w3.org/TR/trace-context/#traceparent-header).
 */
class TraceparentTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN_ID = "00f067aa0ba902b7";

	@Test
	void readsTheTraceAndSpanOfAValidHeader() {
		assertThat(Traceparent.parse("00-" + TRACE_ID + "-" + SPAN_ID + "-01"))
			.isEqualTo(new TraceContext(TRACE_ID, SPAN_ID));
		assertThat(Traceparent.parse("00-" + TRACE_ID + "-" + SPAN_ID + "-00"))
			.isEqualTo(new TraceContext(TRACE_ID, SPAN_ID));
	}

	@Test
	void readsALaterVersionWithMoreFields() {
		assertThat(Traceparent.parse("cc-" + TRACE_ID + "-" + SPAN_ID + "-01-what-comes-next"))
			.isEqualTo(new TraceContext(TRACE_ID, SPAN_ID));
	}

	@Test
	void ignoresMalformedHeaders() {
		assertThat(Traceparent.parse(null)).isNull();
		assertThat(Traceparent.parse("")).isNull();
		assertThat(Traceparent.parse("00-" + TRACE_ID.toUpperCase() + "-" + SPAN_ID + "-01")).isNull();
		assertThat(Traceparent.parse("00-" + TRACE_ID + "-" + SPAN_ID + "-01-extra")).isNull();
		assertThat(Traceparent.parse("00-" + TRACE_ID + "-" + SPAN_ID + "-01 ")).isNull();
		assertThat(Traceparent.parse("ff-" + TRACE_ID + "-" + SPAN_ID + "-01")).isNull();
		assertThat(Traceparent.parse("00-00000000000000000000000000000000-" + SPAN_ID + "-01")).isNull();
		assertThat(Traceparent.parse("00-" + TRACE_ID + "-0000000000000000-01")).isNull();
		assertThat(Traceparent.parse("00-" + TRACE_ID.substring(1) + "-" + SPAN_ID + "-01")).isNull();
		assertThat(Traceparent.parse("00_" + TRACE_ID + "_" + SPAN_ID + "_01")).isNull();
		assertThat(Traceparent.parse("0x-" + TRACE_ID + "-" + SPAN_ID + "-01")).isNull();
		assertThat(Traceparent.parse("cc-" + TRACE_ID + "-" + SPAN_ID + "-01.next")).isNull();
	}

	@Test
	void writesVersionZeroWithoutTheSamplingDecision() {
		assertThat(new TraceContext(TRACE_ID, SPAN_ID).traceparent())
			.isEqualTo("00-" + TRACE_ID + "-" + SPAN_ID + "-00");
	}

}
