package io.audittrail.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * The SHA-256 hash of an event's canonical content and its predecessor's hash. The content is every
 * stored column except the chain's own, in a fixed order, each as a 4-byte length followed by its
 * UTF-8 bytes (length -1 for null); times are epoch microseconds and numbers decimal, so nothing
 * depends on the locale or the database's formatting. Not thread-safe: one per thread.
 */
final class EventDigest {

	/** The columns a row must be selected with, in this order, for {@link #hash}. */
	static final String COLUMNS = "id, occurred_at, tenant, operation, target, action, outcome, actor_type, actor_id, "
			+ "actor_name, ip, entity_type, entity_id, entity_name, details, error, request_id, revision_id, "
			+ "http_method, http_path, http_status, http_resource, http_auth_type, http_detail, "
			+ "chain_seq, prev_hash, hash";

	static final int ID = 1;

	static final int TENANT = 3;

	static final int CHAIN_SEQ = 25;

	static final int PREV_HASH = 26;

	static final int HASH = 27;

	private static final byte[] VERSION = "audit-event-v1".getBytes(StandardCharsets.US_ASCII);

	private static final int[] TEXT_COLUMNS = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 };

	private static final int[] HTTP_TEXT_COLUMNS = { 22, 23, 24 };

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

	/**
	 * The hash of the current row of the result set, as lowercase hex, at the given position of its
	 * chain after the given predecessor hash ({@code null} for the first event of a chain).
	 */
	String hash(ResultSet row, long chainSeq, String prevHash) throws SQLException {
		this.sha256.reset();
		this.sha256.update(VERSION);
		number(row.getLong(ID), false);
		number(chainSeq, false);
		text(prevHash);
		OffsetDateTime occurredAt = row.getObject(2, OffsetDateTime.class);
		number(occurredAt.toEpochSecond() * 1_000_000L + occurredAt.getNano() / 1_000, false);
		for (int column : TEXT_COLUMNS) {
			text(row.getString(column));
		}
		long revision = row.getLong(18);
		number(revision, row.wasNull());
		text(row.getString(19));
		text(row.getString(20));
		long status = row.getLong(21);
		number(status, row.wasNull());
		for (int column : HTTP_TEXT_COLUMNS) {
			text(row.getString(column));
		}
		return HEX.formatHex(this.sha256.digest());
	}

	private void number(long value, boolean isNull) {
		text(isNull ? null : Long.toString(value));
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
