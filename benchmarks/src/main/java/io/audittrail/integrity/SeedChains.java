package io.audittrail.integrity;

import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Links rows into their tenant's hash chain with the starter's own digest, for loading many sealed
 * events at once without the background sealer. A row is an array of the columns
 * {@link EventDigest#COLUMNS} names, in that order; {@link #link(Object[])} fills in its position,
 * predecessor and hash. Rows must be linked in id order. Not thread-safe.
 */
public final class SeedChains {

	/** The columns of a row, in order. */
	public static final String COLUMNS = EventDigest.COLUMNS;

	private final EventDigest digest = new EventDigest();

	private final CurrentRow current = new CurrentRow();

	private final Map<String, Head> heads = new HashMap<>();

	/** Gives the row the next position of its tenant's chain, its predecessor's hash and its own. */
	public void link(Object[] row) {
		String tenant = (String) row[EventDigest.TENANT - 1];
		Head head = this.heads.computeIfAbsent(Chains.keyOf(tenant), (key) -> new Head(tenant));
		long seq = head.seq + 1;
		String hash;
		try {
			hash = this.digest.hash(this.current.of(row), seq, head.hash);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		row[EventDigest.CHAIN_SEQ - 1] = seq;
		row[EventDigest.PREV_HASH - 1] = head.hash;
		row[EventDigest.HASH - 1] = hash;
		head.seq = seq;
		head.hash = hash;
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

	/** Shows the digest the current row as the current row of a result set, as far as it reads one. */
	private static final class CurrentRow {

		private Object[] row;

		private boolean wasNull;

		private final ResultSet view = (ResultSet) Proxy.newProxyInstance(SeedChains.class.getClassLoader(),
				new Class<?>[] { ResultSet.class }, (proxy, method, args) -> read(method.getName(), args));

		ResultSet of(Object[] row) {
			this.row = row;
			return this.view;
		}

		private Object read(String method, Object[] args) {
			if (method.equals("wasNull")) {
				return this.wasNull;
			}
			Object value = this.row[(Integer) args[0] - 1];
			this.wasNull = value == null;
			return switch (method) {
				case "getString" -> (value != null) ? value.toString() : null;
				case "getLong" -> (value != null) ? ((Number) value).longValue() : 0L;
				case "getObject" -> value;
				default -> throw new UnsupportedOperationException("ResultSet." + method);
			};
		}

	}

}
