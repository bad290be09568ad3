package io.audittrail.benchmarks.read;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import io.audittrail.verifier.EventEncoding;

/**
 * Links rows into their tenant's hash chain with the published event encoding (the one
 * the offline verifier checks, and the starter's sealer writes), for loading many sealed
 * events at once without the background sealer. A row is an array of the columns
 * {@link #EVENT_COLUMNS} names, in that order; {@link #link(Object[])} gives back its
 * seal, a row of {@link #SEAL_COLUMNS}. Rows must be linked in id order. Not thread-safe.
 */
final class SeedChains {

	/** The columns of an event row, in order. */
	static final String EVENT_COLUMNS = "id, occurred_at, tenant, operation, target, action, outcome, "
			+ "actor_type, actor_id, actor_name, ip, entity_type, entity_id, entity_name, details, error, request_id, "
			+ "revision_id, http_method, http_path, http_status, http_resource, http_auth_type, http_detail, "
			+ "trace_id, span_id";

	/** How many columns an event row has. */
	static final int EVENT_COLUMN_COUNT = 26;

	/** The columns of a seal row, in order. */
	static final String SEAL_COLUMNS = "chain, position, event_id, prev_hash, hash, encoding";

	/** The encoding every seal is made with. */
	static final String ENCODING = EventEncoding.V2.id();

	/**
	 * The names of the columns of an event row, in order, as the encoding names its
	 * fields.
	 */
	private static final String[] FIELDS = EVENT_COLUMNS.split(", ");

	/** The column of the event's time, stored as epoch microseconds in the encoding. */
	private static final int OCCURRED_AT = 1;

	private final Map<String, Head> heads = new HashMap<>();

	/** Gives the row the next position of its tenant's chain and returns its seal row. */
	Object[] link(Object[] row) {
		String tenant = (String) row[2];
		String chain = chainKey(tenant);
		Head head = this.heads.computeIfAbsent(chain, (key) -> new Head(tenant));
		long position = head.seq + 1;
		Map<String, String> values = new HashMap<>();
		for (int column = 0; column < EVENT_COLUMN_COUNT; column++) {
			values.put(FIELDS[column], (column == OCCURRED_AT) ? Long.toString(micros((OffsetDateTime) row[column]))
					: (row[column] != null) ? row[column].toString() : null);
		}
		values.put(EventEncoding.V2.positionField(), Long.toString(position));
		values.put("prev_hash", head.hash);
		String hash = EventEncoding.V2.hash(values);
		Object[] seal = { chain, position, row[0], head.hash, hash, ENCODING };
		head.seq = position;
		head.hash = hash;
		return seal;
	}

	/**
	 * The key of a tenant's chain in {@code audit_seal.chain}: {@code *} for system-level
	 * events.
	 */
	private static String chainKey(String tenant) {
		return (tenant != null) ? "=" + tenant : "*";
	}

	private static long micros(OffsetDateTime time) {
		return time.toEpochSecond() * 1_000_000L + time.getNano() / 1_000;
	}

	/**
	 * The head of every chain linked so far, by chain key, as {@code audit_chain_head}
	 * holds it.
	 */
	Map<String, Head> heads() {
		return Map.copyOf(this.heads);
	}

	/** A row of {@code audit_chain_head}. */
	static final class Head {

		private final String tenant;

		private long seq;

		private String hash;

		Head(String tenant) {
			this.tenant = tenant;
		}

		String tenant() {
			return this.tenant;
		}

		long seq() {
			return this.seq;
		}

		String hash() {
			return this.hash;
		}

	}

}
