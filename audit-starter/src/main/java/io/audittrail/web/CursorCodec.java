package io.audittrail.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.audittrail.store.EventFilter;
import io.audittrail.store.PagePosition;

/**
 * Turns the position of a page into an opaque cursor and back. A cursor is signed
 * (HMAC-SHA256) and bound to the filter it was made for, so that a forged cursor, or one
 * reused with other filters, is refused rather than served. Thread-safe.
 */
final class CursorCodec {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final SecretKeySpec key;

	public CursorCodec(byte[] key) {
		this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
	}

	/**
	 * A codec with a random key: its cursors are valid until the application restarts.
	 */
	public static CursorCodec withRandomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return new CursorCodec(key);
	}

	/**
	 * The cursor of the page that starts after the given position, for the given filter.
	 */
	public String encode(PagePosition after, EventFilter filter) {
		String payload = after.occurredAt().getEpochSecond() + "." + after.occurredAt().getNano() + "," + after.id()
				+ ":" + fingerprint(filter);
		return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ ENCODER.encodeToString(sign(payload));
	}

	/**
	 * The position a cursor's page starts after.
	 * @throws IllegalArgumentException when the cursor is malformed, forged, or made for
	 * another filter
	 */
	public PagePosition decode(String cursor, EventFilter filter) {
		int dot = cursor.indexOf('.');
		if (dot < 0) {
			throw new IllegalArgumentException("The cursor is malformed.");
		}
		String payload;
		byte[] signature;
		try {
			payload = new String(DECODER.decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
			signature = DECODER.decode(cursor.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The cursor is malformed.");
		}
		if (!MessageDigest.isEqual(sign(payload), signature)) {
			throw new IllegalArgumentException("The cursor was not issued by this server, or has expired.");
		}
		int colon = payload.indexOf(':');
		if (colon < 0 || !payload.substring(colon + 1).equals(fingerprint(filter))) {
			throw new IllegalArgumentException("The cursor belongs to a list with other filters.");
		}
		return position(payload.substring(0, colon));
	}

	private static PagePosition position(String text) {
		int dot = text.indexOf('.');
		int comma = text.indexOf(',');
		if (dot < 0 || comma < dot) {
			throw new IllegalArgumentException("The cursor is malformed.");
		}
		try {
			return new PagePosition(Instant.ofEpochSecond(Long.parseLong(text.substring(0, dot)),
					Long.parseLong(text.substring(dot + 1, comma))), Long.parseLong(text.substring(comma + 1)));
		}
		catch (NumberFormatException | DateTimeException ex) {
			throw new IllegalArgumentException("The cursor is malformed.");
		}
	}

	private byte[] sign(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static String fingerprint(EventFilter filter) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(filter.asParameters().toString().getBytes(StandardCharsets.UTF_8));
			return ENCODER.encodeToString(digest).substring(0, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
