package io.audittrail.verifier;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventEncodingTests {

	@Test
	void version1IsTheStartersStoredEncoding() {
		// the event of the starter's EventDigestTests, whose hash every stored v1 chain
		// depends on
		Map<String, String> event = event(EventEncoding.V1);
		event.put("chain_seq", "7");
		assertThat(EventEncoding.V1.hash(event))
			.isEqualTo("67fcf8d5f8656509fbd1c24e06989f923788155c10e96c9e41c80bca1ee28770");
	}

	@Test
	void version2IsStableAcrossReleases() {
		// recomputed outside Java from the documented encoding; a change breaks every
		// stored chain
		Map<String, String> event = event(EventEncoding.V2);
		event.put("position", "7");
		event.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
		event.put("span_id", "00f067aa0ba902b7");
		assertThat(EventEncoding.V2.hash(event))
			.isEqualTo("eaeb50c301c16fd85d883ff8f5af35e29716b99e37d4835acaa193ef0503e825");
	}

	@Test
	void version2HashesTheTraceContextAndFieldBoundaries() {
		Map<String, String> event = event(EventEncoding.V2);
		event.put("position", "7");
		String hash = EventEncoding.V2.hash(event);
		event.put("span_id", "");
		assertThat(EventEncoding.V2.hash(event)).isNotEqualTo(hash);
		event.put("span_id", null);
		event.put("actor_name", "editor@demo.testH");
		event.put("entity_name", "ello");
		assertThat(EventEncoding.V2.hash(event)).isNotEqualTo(hash);
	}

	@Test
	void fieldsAreTheDocumentedOnesInOrder() {
		assertThat(EventEncoding.V2.fields()).hasSize(28)
			.startsWith("id", "position", "prev_hash", "occurred_at", "tenant")
			.endsWith("http_detail", "trace_id", "span_id");
		assertThat(EventEncoding.V1.fields()).hasSize(26)
			.startsWith("id", "chain_seq", "prev_hash")
			.endsWith("http_detail");
	}

	@Test
	void nonCanonicalValuesAreRefused() {
		Map<String, String> event = event(EventEncoding.V2);
		event.put("position", "07");
		assertThatIllegalArgumentException().isThrownBy(() -> EventEncoding.V2.hash(event))
			.withMessage("the field position is not a decimal integer: \"07\"");
		event.put("position", "7");
		event.remove("span_id");
		assertThatIllegalArgumentException().isThrownBy(() -> EventEncoding.V2.hash(event))
			.withMessage("the fields of audit-event-v2 are not all there, missing: [span_id]");
		event.put("span_id", null);
		event.put("prev_hash", "AB".repeat(32));
		assertThatIllegalArgumentException().isThrownBy(() -> EventEncoding.V2.hash(event))
			.withMessage("the field prev_hash is not 64 lowercase hex digits");
	}

	private static Map<String, String> event(EventEncoding encoding) {
		Map<String, String> event = new HashMap<>();
		encoding.fields().forEach((field) -> event.put(field, null));
		event.put("id", "42");
		event.put("prev_hash", "ab".repeat(32));
		// 2026-11-22T03:00:00.123456Z
		event.put("occurred_at", "1795316400123456");
		event.put("tenant", "demo");
		event.put("operation", "content.update");
		event.put("actor_name", "editor@demo.test");
		event.put("entity_name", "Hello");
		return event;
	}

}
