package io.audittrail.integrity;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import io.audittrail.store.Chains;
import io.audittrail.store.EventRow;

/**
 * Links rows into their tenant's hash chain with the starter's own digest, for loading many sealed
 * events at once without the background sealer. A row is an array of the columns
 * {@link #EVENT_COLUMNS} names, in that order; {@link #link(Object[])} gives back its seal, a row of
 * {@link #SEAL_COLUMNS}. Rows must be linked in id order. Not thread-safe.
 */
public final class SeedChains {

	/** The columns of an event row, in order. */
	public static final String EVENT_COLUMNS = "id, occurred_at, tenant, operation, target, action, outcome, "
			+ "actor_type, actor_id, actor_name, ip, entity_type, entity_id, entity_name, details, error, request_id, "
			+ "revision_id, http_method, http_path, http_status, http_resource, http_auth_type, http_detail, "
			+ "trace_id, span_id";

	/** How many columns an event row has. */
	public static final int EVENT_COLUMN_COUNT = 26;

	/** The columns of a seal row, in order. */
	public static final String SEAL_COLUMNS = "chain, position, event_id, prev_hash, hash, encoding";

	/** The encoding every seal is made with. */
	public static final String ENCODING = EventDigest.V2;

	private final EventDigest digest = new EventDigest();

	private final Map<String, Head> heads = new HashMap<>();

	/** Gives the row the next position of its tenant's chain and returns its seal row. */
	public Object[] link(Object[] row) {
		EventRow event = event(row);
		String chain = Chains.keyOf(event.tenant());
		Head head = this.heads.computeIfAbsent(chain, (key) -> new Head(event.tenant()));
		long position = head.seq + 1;
		String hash = this.digest.hash(event, ENCODING, position, head.hash);
		Object[] seal = { chain, position, event.id(), head.hash, hash, ENCODING };
		head.seq = position;
		head.hash = hash;
		return seal;
	}

	private static EventRow event(Object[] row) {
		return new EventRow(((Number) row[0]).longValue(), (OffsetDateTime) row[1], (String) row[2],
				(String) row[3], (String) row[4], (String) row[5], (String) row[6], (String) row[7],
				(String) row[8], (String) row[9], (String) row[10], (String) row[11], (String) row[12],
				(String) row[13], (String) row[14], (String) row[15], (String) row[16],
				(row[17] != null) ? ((Number) row[17]).longValue() : null, (String) row[18], (String) row[19],
				(row[20] != null) ? ((Number) row[20]).intValue() : null, (String) row[21], (String) row[22],
				(String) row[23], (String) row[24], (String) row[25]);
	}

	/** The head of every chain linked so far, by chain key, as {@code audit_chain_head} holds it. */
	public Map<String, Head> heads() {
		return Map.copyOf(this.heads);
	}

	/** A row of {@code audit_chain_head}. */
	public static final class Head {

		private final String tenant;

		private long seq;

		private String hash;

		Head(String tenant) {
			this.tenant = tenant;
		}

		public String tenant() {
			return this.tenant;
		}

		public long seq() {
			return this.seq;
		}

		public String hash() {
			return this.hash;
		}

	}

}
