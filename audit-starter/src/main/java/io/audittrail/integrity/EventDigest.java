package io.audittrail.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.audittrail.store.EventRow;

/**
 * The SHA-256 hash of an event's canonical content, its position and its predecessor's
 * hash, in one of the versioned encodings. The content is every stored column in a fixed
 * order, each as a 4-byte big-endian length followed by its UTF-8 bytes (length -1 for
 * null); times are epoch microseconds and numbers decimal, so nothing depends on the
 * locale or the database's formatting. {@value #V2} adds the trace to {@value #V1}. Not
 * thread-safe: one per thread.
 */
final class EventDigest {

	/** The encoding of chains sealed before events carried a trace. */
	static final String V1 = "audit-event-v1";

	/** The encoding every new seal is made with. */
	static final String V2 = "audit-event-v2";

	private static final byte[] V1_BYTES = V1.getBytes(StandardCharsets.US_ASCII);

	private static final byte[] V2_BYTES = V2.getBytes(StandardCharsets.US_ASCII);

	private static final HexFormat HEX = HexFormat.of();

	private final MessageDigest sha256;

	private final ByteBuffer lengths = ByteBuffer.allocate(4);

	EventDigest() {
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/** Whether the encoding is one this digest can make. */
	static boolean knows(String encoding) {
		return V1.equals(encoding) || V2.equals(encoding);
	}

	/**
	 * The hash of the event, as lowercase hex, at the given position of its chain after
	 * the given predecessor hash ({@code null} for the first event of a chain).
	 * @param encoding {@link #V1} or {@link #V2}
	 */
	String hash(EventRow event, String encoding, long position, String prevHash) {
		boolean v2 = V2.equals(encoding);
		if (!v2 && !V1.equals(encoding)) {
			throw new IllegalArgumentException("Unknown event encoding " + encoding);
		}
		this.sha256.reset();
		this.sha256.update(v2 ? V2_BYTES : V1_BYTES);
		number(event.id());
		number(position);
		text(prevHash);
		number(event.occurredAtMicros());
		text(event.tenant());
		text(event.operation());
		text(event.target());
		text(event.action());
		text(event.outcome());
		text(event.actorType());
		text(event.actorId());
		text(event.actorName());
		text(event.ip());
		text(event.entityType());
		text(event.entityId());
		text(event.entityName());
		text(event.details());
		text(event.error());
		text(event.requestId());
		text((event.revisionId() != null) ? event.revisionId().toString() : null);
		text(event.httpMethod());
		text(event.httpPath());
		text((event.httpStatus() != null) ? event.httpStatus().toString() : null);
		text(event.httpResource());
		text(event.httpAuthType());
		text(event.httpDetail());
		if (v2) {
			text(event.traceId());
			text(event.spanId());
		}
		return HEX.formatHex(this.sha256.digest());
	}

	private void number(long value) {
		text(Long.toString(value));
	}

	private void text(String value) {
		byte[] bytes = (value != null) ? value.getBytes(StandardCharsets.UTF_8) : null;
		this.lengths.clear();
		this.lengths.putInt((bytes != null) ? bytes.length : -1);
		this.sha256.update(this.lengths.array());
		if (bytes != null) {
			this.sha256.update(bytes);
		}
	}

}
