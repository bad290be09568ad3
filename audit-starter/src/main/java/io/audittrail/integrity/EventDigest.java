package io.audittrail.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
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

	/** The encoded content, hashed in one update: a call per field cost more. */
	private byte[] content = new byte[1024];

	private int length;

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
		this.length = 0;
		bytes(v2 ? V2_BYTES : V1_BYTES);
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
		this.sha256.reset();
		this.sha256.update(this.content, 0, this.length);
		return HEX.formatHex(this.sha256.digest());
	}

	private void number(long value) {
		text(Long.toString(value));
	}

	private void text(String value) {
		if (value == null) {
			length(-1);
			return;
		}
		int chars = value.length();
		room(4 + chars);
		int start = this.length + 4;
		for (int i = 0; i < chars; i++) {
			char c = value.charAt(i);
			if (c >= 0x80) {
				// not ASCII: one byte per char does not hold
				byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
				length(bytes.length);
				bytes(bytes);
				return;
			}
			this.content[start + i] = (byte) c;
		}
		length(chars);
		this.length += chars;
	}

	private void length(int value) {
		room(4);
		this.content[this.length] = (byte) (value >>> 24);
		this.content[this.length + 1] = (byte) (value >>> 16);
		this.content[this.length + 2] = (byte) (value >>> 8);
		this.content[this.length + 3] = (byte) value;
		this.length += 4;
	}

	private void bytes(byte[] bytes) {
		room(bytes.length);
		System.arraycopy(bytes, 0, this.content, this.length, bytes.length);
		this.length += bytes.length;
	}

	private void room(int more) {
		if (this.length + more > this.content.length) {
			this.content = Arrays.copyOf(this.content, Math.max(this.content.length * 2, this.length + more));
		}
	}

}
