package io.audittrail.integrity;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import io.audittrail.store.EventRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventDigestTests {

	private static final OffsetDateTime OCCURRED_AT = OffsetDateTime.of(2026, 11, 22, 3, 0, 0, 123_456_000,
			ZoneOffset.UTC);

	private final EventDigest digest = new EventDigest();

	@Test
	void v1HashIsStableAcrossReleases() {
		// recomputed outside Java from the documented encoding; a change breaks every
		// stored chain
		assertThat(this.digest.hash(row("editor@demo.test", "Hello"), EventDigest.V1, 7, "ab".repeat(32)))
			.isEqualTo("67fcf8d5f8656509fbd1c24e06989f923788155c10e96c9e41c80bca1ee28770");
	}

	@Test
	void v2HashIsTheDocumentedFormula() {
		EventRow event = fullRow();
		// computed outside Java (a short Python script) from the formula in the README
		String expected = "a38a326112a5521bf88c677bd8cad4bb819990d5a22a1d780c3a90effef0cd42";
		String recomputed = documentedV2(event, 12, "cd".repeat(32));

		assertThat(this.digest.hash(event, EventDigest.V2, 12, "cd".repeat(32))).isEqualTo(recomputed)
			.isEqualTo(expected);
	}

	@Test
	void longAndNonAsciiContentIsHashedAsTheDocumentedFormula() {
		EventRow full = fullRow();
		String details = "{\"body\":\"" + "x".repeat(3000) + "Grüße 日本 \uD83D\uDE00\"}";
		EventRow event = new EventRow(full.id(), full.occurredAt(), "tenant-ü", full.operation(), full.target(),
				full.action(), full.outcome(), full.actorType(), full.actorId(), full.actorName(), full.ip(),
				full.entityType(), full.entityId(), "é".repeat(700), details, full.error(), full.requestId(),
				full.revisionId(), full.httpMethod(), full.httpPath(), full.httpStatus(), full.httpResource(),
				full.httpAuthType(), full.httpDetail(), full.traceId(), full.spanId());

		assertThat(this.digest.hash(event, EventDigest.V2, 3, "ef".repeat(32)))
			.isEqualTo(documentedV2(event, 3, "ef".repeat(32)));
		// the digest is used again for the next event
		assertThat(this.digest.hash(fullRow(), EventDigest.V2, 12, "cd".repeat(32)))
			.isEqualTo("a38a326112a5521bf88c677bd8cad4bb819990d5a22a1d780c3a90effef0cd42");
	}

	@Test
	void v2CoversTheTraceAndV1DoesNot() {
		EventRow traced = fullRow();
		EventRow otherSpan = withTrace(traced, traced.traceId(), "00f067aa0ba902b8");
		assertThat(this.digest.hash(otherSpan, EventDigest.V2, 1, null))
			.isNotEqualTo(this.digest.hash(traced, EventDigest.V2, 1, null));
		assertThat(this.digest.hash(otherSpan, EventDigest.V1, 1, null))
			.isEqualTo(this.digest.hash(traced, EventDigest.V1, 1, null));
	}

	@Test
	void unknownEncodingIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.digest.hash(fullRow(), "audit-event-v9", 1, null))
			.withMessageContaining("audit-event-v9");
	}

	@Test
	void fieldBoundariesAreUnambiguous() {
		assertThat(this.digest.hash(row("editor@demo.testH", "ello"), EventDigest.V2, 7, null))
			.isNotEqualTo(this.digest.hash(row("editor@demo.test", "Hello"), EventDigest.V2, 7, null));
	}

	@Test
	void positionAndPredecessorAreHashed() {
		String hash = this.digest.hash(row("editor@demo.test", "Hello"), EventDigest.V2, 7, null);
		assertThat(this.digest.hash(row("editor@demo.test", "Hello"), EventDigest.V2, 8, null)).isNotEqualTo(hash);
		assertThat(this.digest.hash(row("editor@demo.test", "Hello"), EventDigest.V2, 7, "00".repeat(32)))
			.isNotEqualTo(hash);
	}

	@Test
	void nullDiffersFromEmpty() {
		assertThat(this.digest.hash(row(null, "Hello"), EventDigest.V2, 1, null))
			.isNotEqualTo(this.digest.hash(row("", "Hello"), EventDigest.V2, 1, null));
	}

	@Test
	void timeIsHashedAsAnInstantWhateverItsOffset() {
		EventRow utc = row("editor@demo.test", "Hello");
		EventRow tokyo = new EventRow(42, OCCURRED_AT.withOffsetSameInstant(ZoneOffset.ofHours(9)), "demo",
				"content.update", null, null, null, null, null, "editor@demo.test", null, null, null, "Hello", null,
				null, null, null, null, null, null, null, null, null, null, null);
		assertThat(this.digest.hash(tokyo, EventDigest.V2, 1, null))
			.isEqualTo(this.digest.hash(utc, EventDigest.V2, 1, null));
	}

	private static EventRow row(String actorName, String entityName) {
		return new EventRow(42, OCCURRED_AT, "demo", "content.update", null, null, null, null, null, actorName, null,
				null, null, entityName, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	private static EventRow fullRow() {
		return new EventRow(1001, OCCURRED_AT, "acme", "content.update", "content", "UPDATE", "SUCCESS", "MEMBER",
				"m-7", "editor@demo.test", "203.0.113.9", "Article", "a-1", "Grüße", "{\"content_id\":\"a-1\"}", null,
				"req-1", 77L, "PUT", "/api/v1/articles/a-1", 200, "ArticleController", "JWT",
				"{\"query\":{\"draft\":\"true\"}}", "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");
	}

	private static EventRow withTrace(EventRow row, String traceId, String spanId) {
		return new EventRow(row.id(), row.occurredAt(), row.tenant(), row.operation(), row.target(), row.action(),
				row.outcome(), row.actorType(), row.actorId(), row.actorName(), row.ip(), row.entityType(),
				row.entityId(), row.entityName(), row.details(), row.error(), row.requestId(), row.revisionId(),
				row.httpMethod(), row.httpPath(), row.httpStatus(), row.httpResource(), row.httpAuthType(),
				row.httpDetail(), traceId, spanId);
	}

	/** The README's formula, written out field by field. */
	private static String documentedV2(EventRow e, long position, String prevHash) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("audit-event-v2".getBytes(StandardCharsets.US_ASCII));
		String[] fields = { Long.toString(e.id()), Long.toString(position), prevHash,
				Long.toString(e.occurredAt().toInstant().getEpochSecond() * 1_000_000L
						+ e.occurredAt().toInstant().getNano() / 1_000),
				e.tenant(), e.operation(), e.target(), e.action(), e.outcome(), e.actorType(), e.actorId(),
				e.actorName(), e.ip(), e.entityType(), e.entityId(), e.entityName(), e.details(), e.error(),
				e.requestId(), (e.revisionId() != null) ? e.revisionId().toString() : null, e.httpMethod(),
				e.httpPath(), (e.httpStatus() != null) ? e.httpStatus().toString() : null, e.httpResource(),
				e.httpAuthType(), e.httpDetail(), e.traceId(), e.spanId() };
		for (String field : fields) {
			byte[] value = (field != null) ? field.getBytes(StandardCharsets.UTF_8) : null;
			bytes.writeBytes(ByteBuffer.allocate(4).putInt((value != null) ? value.length : -1).array());
			if (value != null) {
				bytes.writeBytes(value);
			}
		}
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
