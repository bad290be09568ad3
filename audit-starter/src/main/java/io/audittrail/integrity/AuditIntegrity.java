package io.audittrail.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the hash chains of the audit log: each sealed event must hold the hash of its own
 * content and of its predecessor, at the next position of its tenant's chain, from the chain's
 * start or from the checkpoint retention left, up to the chain's head. An edited event breaks its
 * own hash, a removed one leaves a gap, and events whose contents were exchanged break both hashes.
 * Rows are streamed, so a chain of any length is verified in constant memory. Thread-safe.
 */
public final class AuditIntegrity {

	private static final int FETCH_SIZE = 2000;

	private final JdbcTemplate jdbc;

	private final JdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	public AuditIntegrity(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(FETCH_SIZE);
		// PostgreSQL streams a result set only with auto-commit off, that is in a transaction
		this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.readOnly.setReadOnly(true);
	}

	/** Verifies the chains of every tenant and the chain of system-level events. */
	public IntegrityReport verify() {
		List<ChainStart> chains = this.jdbc.query("select chain_key, tenant from audit_chain_head order by chain_key",
				(row, index) -> new ChainStart(row.getString(1), row.getString(2)));
		IntegrityReport report = new IntegrityReport(true, 0, null, 0);
		for (ChainStart chain : chains) {
			report = report.and(verifyChain(chain.tenant(), false));
		}
		return new IntegrityReport(report.verified(), report.checked(), report.firstBrokenId(),
				count("select count(*) from audit_event where chain_seq is null"));
	}

	/**
	 * Verifies the chain of one tenant.
	 * @param tenant the tenant, or {@code null} for the chain of system-level events
	 */
	public IntegrityReport verify(String tenant) {
		return verifyChain(tenant, true);
	}

	private IntegrityReport verifyChain(String tenant, boolean countUnsealed) {
		String chainKey = Chains.keyOf(tenant);
		List<Long> headSeq = this.jdbc.queryForList("select seq from audit_chain_head where chain_key = ?", Long.class,
				chainKey);
		long unsealed = countUnsealed ? count("select count(*) from audit_event where chain_seq is null and "
				+ Chains.tenantCondition(tenant), Chains.tenantParameters(tenant)) : 0;
		if (headSeq.isEmpty()) {
			long sealed = count("select count(*) from audit_event where chain_seq is not null and "
					+ Chains.tenantCondition(tenant), Chains.tenantParameters(tenant));
			// events claiming a place in a chain that was never started were not sealed here
			Long forged = (sealed > 0) ? this.jdbc.queryForObject("select min(id) from audit_event where "
					+ "chain_seq is not null and " + Chains.tenantCondition(tenant), Long.class,
					Chains.tenantParameters(tenant)) : null;
			return new IntegrityReport(sealed == 0, 0, forged, unsealed);
		}
		Walk walk = new Walk(chainKey, checkpoint(chainKey));
		try {
			this.readOnly.executeWithoutResult((status) -> this.streaming.query("select " + EventDigest.COLUMNS
					+ " from audit_event where " + Chains.tenantCondition(tenant)
					+ " and chain_seq > ? order by tenant, chain_seq", walk, Chains.tenantParameters(tenant, walk.start.seq())));
		}
		catch (BrokenChain ex) {
			// the walk stopped at the first broken event
		}
		if (walk.brokenId == null && walk.expectedSeq - 1 < headSeq.get(0)) {
			// the newest events of the chain were removed
			return new IntegrityReport(false, walk.checked, walk.lastId, unsealed);
		}
		return new IntegrityReport(walk.brokenId == null, walk.checked, walk.brokenId, unsealed);
	}

	private Checkpoint checkpoint(String chainKey) {
		List<Checkpoint> checkpoints = this.jdbc.query(
				"select seq, hash from audit_chain_checkpoint where chain_key = ?",
				(row, index) -> new Checkpoint(row.getLong(1), row.getString(2)), chainKey);
		return checkpoints.isEmpty() ? new Checkpoint(0, null) : checkpoints.get(0);
	}

	private long count(String sql, Object... parameters) {
		Long count = this.jdbc.queryForObject(sql, Long.class, parameters);
		return (count != null) ? count : 0;
	}

	private record ChainStart(String chainKey, String tenant) {
	}

	private record Checkpoint(long seq, String hash) {
	}

	/** Walks one chain in sequence order, stopping its checks at the first broken event. */
	private final class Walk implements RowCallbackHandler {

		private final String chainKey;

		private final Checkpoint start;

		private final EventDigest digest = new EventDigest();

		private long expectedSeq;

		private String expectedPrevious;

		private long checked;

		private Long brokenId;

		private Long lastId;

		Walk(String chainKey, Checkpoint start) {
			this.chainKey = chainKey;
			this.start = start;
			this.expectedSeq = start.seq() + 1;
			this.expectedPrevious = start.hash();
		}

		@Override
		public void processRow(ResultSet row) throws SQLException {
			long id = row.getLong(EventDigest.ID);
			long seq = row.getLong(EventDigest.CHAIN_SEQ);
			if (this.checked == 0 && seq != this.expectedSeq) {
				// retention may have moved the checkpoint since it was read
				Checkpoint current = checkpoint(this.chainKey);
				if (current.seq() == seq - 1) {
					this.expectedSeq = seq;
					this.expectedPrevious = current.hash();
				}
			}
			this.checked++;
			this.lastId = id;
			String prevHash = row.getString(EventDigest.PREV_HASH);
			if (seq != this.expectedSeq || !Objects.equals(prevHash, this.expectedPrevious)
					|| !this.digest.hash(row, seq, prevHash).equals(row.getString(EventDigest.HASH))) {
				this.brokenId = id;
				throw BrokenChain.INSTANCE;
			}
			this.expectedSeq = seq + 1;
			this.expectedPrevious = row.getString(EventDigest.HASH);
		}

	}

	/** Ends a walk early: the rest of a broken chain need not be read. */
	private static final class BrokenChain extends RuntimeException {

		static final BrokenChain INSTANCE = new BrokenChain();

		private BrokenChain() {
			super(null, null, false, false);
		}

	}

}
