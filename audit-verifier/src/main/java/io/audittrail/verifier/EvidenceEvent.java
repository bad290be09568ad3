package io.audittrail.verifier;

import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One audit event as an evidence bundle carries it: its hashed fields by name, values as
 * text or null, and the chain hash stored for it.
 *
 * @param encoding how its hash is computed
 * @param values exactly the encoding's fields
 * @param hash the stored chain hash, 64 lowercase hex digits
 */
public record EvidenceEvent(EventEncoding encoding, Map<String, String> values, String hash) {

	public EvidenceEvent {
		encoding.validate(values);
		if (hash == null || !EventEncoding.HASH.matcher(hash).matches()) {
			throw new IllegalArgumentException("the hash is not 64 lowercase hex digits");
		}
		Map<String, String> ordered = new LinkedHashMap<>();
		for (String field : encoding.fields()) {
			ordered.put(field, values.get(field));
		}
		values = Collections.unmodifiableMap(ordered);
	}

	/** The event's id. */
	public String id() {
		return this.values.get("id");
	}

	/** The event's position in its chain, from 1. */
	public long position() {
		return Long.parseLong(this.values.get(this.encoding.positionField()));
	}

	/** The hash of the event before it in its chain, or {@code null} for the first. */
	public String prevHash() {
		return this.values.get("prev_hash");
	}

	/** The chain hash its content gives. */
	public String computedHash() {
		return this.encoding.digest(this.values);
	}

	/** The event's Merkle leaf data: the 32 raw bytes of its chain hash. */
	public byte[] leaf() {
		return HexFormat.of().parseHex(this.hash);
	}

	/** The event's Merkle leaf hash. */
	public byte[] leafHash() {
		return Merkle.leafHash(leaf());
	}

}
