package io.audittrail.verifier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How an audit event's chain hash is computed: SHA-256 of the encoding's name followed by
 * each field, in a fixed order, as a 4-byte big-endian length of its UTF-8 bytes and the
 * bytes (length -1 for null), numbers in decimal and the time in epoch microseconds;
 * hashes are lowercase hex. An event's Merkle leaf is the 32 raw bytes of that hash.
 */
public enum EventEncoding {

	/** The first encoding: the chain position is {@code chain_seq}; no trace context. */
	V1("audit-event-v1", "chain_seq", List.of()),

	/**
	 * The current encoding: the chain position is {@code position}; the trace and span
	 * ids close it.
	 */
	V2("audit-event-v2", "position", List.of("trace_id", "span_id"));

	private static final Set<String> NUMBERS = Set.of("id", "chain_seq", "position", "occurred_at", "revision_id",
			"http_status");

	private static final Set<String> REQUIRED = Set.of("id", "chain_seq", "position", "occurred_at");

	/** A chain hash: 64 lowercase hex digits. */
	static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

	/** A decimal integer without leading zeros that fits a long. */
	static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

	/** A decimal count without leading zeros that fits a long. */
	static final Pattern COUNT = Pattern.compile("0|[1-9][0-9]{0,17}");

	private final String id;

	private final String positionField;

	private final List<String> fields;

	private final Set<String> fieldSet;

	EventEncoding(String id, String positionField, List<String> trailer) {
		this.id = id;
		this.positionField = positionField;
		List<String> fields = new ArrayList<>(List.of("id", positionField, "prev_hash"));
		fields.addAll(Content.FIELDS);
		fields.addAll(trailer);
		this.fields = List.copyOf(fields);
		this.fieldSet = Set.copyOf(fields);
	}

	/** The encoding of the given name, such as {@code audit-event-v2}. */
	public static EventEncoding of(String id) {
		for (EventEncoding encoding : values()) {
			if (encoding.id.equals(id)) {
				return encoding;
			}
		}
		throw new IllegalArgumentException("unknown event encoding \"" + id + "\"");
	}

	/** The encoding's name, the first thing hashed. */
	public String id() {
		return this.id;
	}

	/** The hashed fields, in the order they are hashed. */
	public List<String> fields() {
		return this.fields;
	}

	/** The field that holds the event's position in its chain. */
	public String positionField() {
		return this.positionField;
	}

	/**
	 * Checks that the values are exactly this encoding's fields in their canonical form
	 * (integers in decimal without leading zeros, hashes as 64 lowercase hex digits).
	 */
	public void validate(Map<String, String> values) {
		if (!values.keySet().equals(this.fieldSet)) {
			List<String> missing = new ArrayList<>(this.fields);
			missing.removeAll(values.keySet());
			List<String> extra = new ArrayList<>(values.keySet());
			extra.removeAll(this.fields);
			throw new IllegalArgumentException("the fields of " + this.id + " are not all there"
					+ (missing.isEmpty() ? "" : ", missing: " + missing)
					+ (extra.isEmpty() ? "" : ", unknown: " + extra));
		}
		for (String field : this.fields) {
			String value = values.get(field);
			if (value == null) {
				if (REQUIRED.contains(field)) {
					throw new IllegalArgumentException("the field " + field + " must not be null");
				}
			}
			else if (NUMBERS.contains(field) && !INTEGER.matcher(value).matches()) {
				throw new IllegalArgumentException(
						"the field " + field + " is not a decimal integer: \"" + value + "\"");
			}
		}
		String prevHash = values.get("prev_hash");
		if (prevHash != null && !HASH.matcher(prevHash).matches()) {
			throw new IllegalArgumentException("the field prev_hash is not 64 lowercase hex digits");
		}
	}

	/**
	 * The chain hash of an event, as lowercase hex, from its {@linkplain #validate valid}
	 * values.
	 */
	public String hash(Map<String, String> values) {
		validate(values);
		return digest(values);
	}

	String digest(Map<String, String> values) {
		MessageDigest digest = Sha256.threadDigest();
		digest.update(this.id.getBytes(StandardCharsets.US_ASCII));
		ByteBuffer length = ByteBuffer.allocate(4);
		for (String field : this.fields) {
			String value = values.get(field);
			byte[] bytes = (value != null) ? value.getBytes(StandardCharsets.UTF_8) : null;
			length.clear();
			length.putInt((bytes != null) ? bytes.length : -1);
			digest.update(length.array());
			if (bytes != null) {
				digest.update(bytes);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/** The fields between the chain's own and the trailer, the same in every encoding. */
	private static final class Content {

		static final List<String> FIELDS = List.of("occurred_at", "tenant", "operation", "target", "action", "outcome",
				"actor_type", "actor_id", "actor_name", "ip", "entity_type", "entity_id", "entity_name", "details",
				"error", "request_id", "revision_id", "http_method", "http_path", "http_status", "http_resource",
				"http_auth_type", "http_detail");

	}

}
