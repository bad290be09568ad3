package io.audittrail.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.audittrail.store.AuditDatabase;

/**
 * Links committed events into their tenant's hash chain. Runs outside the business transactions, so
 * writers never wait for each other on a chain head: each run takes the unsealed events in id
 * order and, per tenant, under a row lock on the chain's head, gives them the next positions of the
 * chain with their predecessor's hash and their own. The chain's order is the order of sealing.
 * <p>
 * Events with an HTTP request are sealed once their status is known, or after a grace period, so
 * that the request capture can complete them first. Safe to run on several application instances
 * at once: the head's lock serializes them and the unsealed events are read again under it.
 */
public final class ChainSealer {

	private static final Log logger = LogFactory.getLog(ChainSealer.class);

	/** How long an event with an HTTP request but no status yet waits before it is sealed as it is. */
	public static final Duration COMPLETION_GRACE = Duration.ofMinutes(1);

	private static final String COMPLETE = "(http_method is null or http_status is not null or occurred_at < ?)";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final int batchSize;

	private final Clock clock;

	private final Set<String> knownHeads = ConcurrentHashMap.newKeySet();

	private final ReentrantLock running = new ReentrantLock();

	private final AuditDatabase database;

	private final String unsealedOrder;

	/**
	 * @param dataSource the database of the audit log
	 * @param batchSize how many events are sealed per transaction
	 * @param clock the clock the completion grace period is measured with
	 */
	public ChainSealer(DataSource dataSource, int batchSize, Clock clock) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("audit.integrity.seal-batch-size must be at least 1, not " + batchSize);
		}
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.batchSize = batchSize;
		this.clock = clock;
		// H2 reads its (chain_seq, id) index in order only when asked for both columns; PostgreSQL's
		// partial index on id serves the plain order
		this.database = AuditDatabase.find(dataSource).orElse(null);
		this.unsealedOrder = (this.database == AuditDatabase.H2) ? "chain_seq, id" : "id";
	}

	/**
	 * Seals every complete event not sealed yet.
	 * @return how many events this call sealed
	 */
	public int seal() {
		return seal(() -> true);
	}

	/**
	 * Seals complete events not sealed yet, batch after batch while there are more and
	 * {@code goOn} says so.
	 * @param goOn asked before each batch after the first
	 * @return how many events this call sealed
	 */
	public int seal(BooleanSupplier goOn) {
		// one pass at a time in this application; other instances wait on the chain heads
		this.running.lock();
		try {
			int sealed = 0;
			boolean more;
			do {
				Map<String, List<Long>> candidates = unsealed();
				for (Map.Entry<String, List<Long>> tenant : candidates.entrySet()) {
					sealed += sealTenant(tenant.getKey(), tenant.getValue());
				}
				more = candidates.values().stream().mapToInt(List::size).sum() >= this.batchSize;
			}
			while (more && goOn.getAsBoolean());
			return sealed;
		}
		finally {
			this.running.unlock();
		}
	}

	/** The ids of the oldest complete unsealed events, by tenant. */
	private Map<String, List<Long>> unsealed() {
		Map<String, List<Long>> tenants = new LinkedHashMap<>();
		this.jdbc.query("select id, tenant from audit_event where chain_seq is null and " + COMPLETE + " order by "
				+ this.unsealedOrder + " limit ?", (ResultSet row) -> {
					tenants.computeIfAbsent(row.getString(2), (tenant) -> new ArrayList<>()).add(row.getLong(1));
				}, graceLimit(), this.batchSize);
		return tenants;
	}

	private int sealTenant(String tenant, List<Long> ids) {
		String chainKey = Chains.keyOf(tenant);
		ensureHead(chainKey, tenant);
		return this.transactions.execute((status) -> sealBatch(chainKey, ids));
	}

	private int sealBatch(String chainKey, List<Long> ids) {
		Head head = this.jdbc.queryForObject("select seq, hash from audit_chain_head where chain_key = ? for update",
				(row, index) -> new Head(row.getLong(1), row.getString(2)), chainKey);
		List<Link> links = new ArrayList<>(ids.size());
		EventDigest digest = new EventDigest();
		long[] seq = { head.seq() };
		String[] previous = { head.hash() };
		// read again under the head's lock: another instance may have sealed some meanwhile
		this.jdbc.query("select " + EventDigest.COLUMNS + " from audit_event where id in ("
				+ String.join(", ", Collections.nCopies(ids.size(), "?")) + ") and chain_seq is null order by id",
				(ResultSet row) -> {
					long next = seq[0] + 1;
					String hash = digest.hash(row, next, previous[0]);
					links.add(new Link(row.getLong(EventDigest.ID), next, previous[0], hash));
					seq[0] = next;
					previous[0] = hash;
				}, ids.toArray());
		if (links.isEmpty()) {
			return 0;
		}
		if (this.database == AuditDatabase.POSTGRESQL) {
			linkInOneStatement(chainKey, links);
		}
		else {
			linkInBatch(chainKey, links);
		}
		this.jdbc.update("update audit_chain_head set seq = ?, hash = ? where chain_key = ?", seq[0], previous[0],
				chainKey);
		if (logger.isTraceEnabled()) {
			logger.trace("Sealed " + links.size() + " event(s) of chain " + chainKey + " up to " + seq[0]);
		}
		return links.size();
	}

	private void linkInBatch(String chainKey, List<Link> links) {
		int[][] counts = this.jdbc.batchUpdate(
				"update audit_event set chain_seq = ?, prev_hash = ?, hash = ? where id = ? and chain_seq is null", links,
				links.size(), ChainSealer::bind);
		for (int[] batch : counts) {
			for (int count : batch) {
				if (count == 0) {
					throw concurrentlySealed(chainKey);
				}
			}
		}
	}

	/** One statement for the whole batch, which PostgreSQL runs several times faster than a JDBC batch. */
	private void linkInOneStatement(String chainKey, List<Link> links) {
		Integer updated = this.jdbc.execute((Connection connection) -> {
			try (PreparedStatement statement = connection.prepareStatement("update audit_event e set chain_seq = v.seq, "
					+ "prev_hash = v.prev_hash, hash = v.hash from unnest(?::bigint[], ?::bigint[], ?::varchar[], "
					+ "?::varchar[]) as v(id, seq, prev_hash, hash) where e.id = v.id and e.chain_seq is null")) {
				statement.setArray(1, connection.createArrayOf("bigint", links.stream().map(Link::id).toArray()));
				statement.setArray(2, connection.createArrayOf("bigint", links.stream().map(Link::seq).toArray()));
				statement.setArray(3, connection.createArrayOf("varchar", links.stream().map(Link::prevHash).toArray()));
				statement.setArray(4, connection.createArrayOf("varchar", links.stream().map(Link::hash).toArray()));
				return statement.executeUpdate();
			}
		});
		if (updated == null || updated != links.size()) {
			throw concurrentlySealed(chainKey);
		}
	}

	private static IllegalStateException concurrentlySealed(String chainKey) {
		return new IllegalStateException("An event of chain " + chainKey + " was sealed concurrently");
	}

	private static void bind(PreparedStatement statement, Link link) throws SQLException {
		statement.setLong(1, link.seq());
		statement.setString(2, link.prevHash());
		statement.setString(3, link.hash());
		statement.setLong(4, link.id());
	}

	private void ensureHead(String chainKey, String tenant) {
		if (this.knownHeads.contains(chainKey)) {
			return;
		}
		try {
			this.transactions.executeWithoutResult((status) -> this.jdbc.update(
					"insert into audit_chain_head (chain_key, tenant, seq, hash) select ?, ?, 0, null "
							+ "where not exists (select 1 from audit_chain_head where chain_key = ?)",
					chainKey, tenant, chainKey));
		}
		catch (DataIntegrityViolationException ex) {
			// another instance created the head at the same time
		}
		this.knownHeads.add(chainKey);
	}

	private OffsetDateTime graceLimit() {
		return OffsetDateTime.ofInstant(this.clock.instant().minus(COMPLETION_GRACE), ZoneOffset.UTC);
	}

	private record Head(long seq, String hash) {
	}

	private record Link(long id, long seq, String prevHash, String hash) {
	}

}
