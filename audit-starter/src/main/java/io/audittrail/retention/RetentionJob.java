package io.audittrail.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.catalog.OperationDefinition;
import io.audittrail.core.Actor;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.AuditEventStore;
import io.audittrail.core.Outcome;
import io.audittrail.integrity.Chains;

/**
 * Removes events and their Envers revisions older than each tenant's retention period.
 * <p>
 * Events go as a prefix of their tenant's hash chain, oldest position first, in transactions of at
 * most one batch each; every batch moves the chain's checkpoint to the last removed position and its
 * hash, so that verification resumes there. Revisions older than the period go once no remaining
 * event references them, with their rows in the application's audit tables. One run at a time across
 * all application instances: a run holds the lock of the row {@code retention} in
 * {@code audit_job_lock} on a connection of its own, and a run that finds it locked does nothing.
 * Each purged tenant gets an {@code audit.retention.purge} event by the system actor.
 */
public final class RetentionJob {

	private static final Log logger = LogFactory.getLog(RetentionJob.class);

	static final String OPERATION = "audit.retention.purge";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final AuditTables auditTables;

	private final TenantRetentionPolicy tenantPolicy;

	private final Settings settings;

	private final AuditEventStore store;

	private final OperationDefinition purgeOperation;

	private final Clock clock;

	private final Counter purgedEvents;

	private final Counter purgedRevisions;

	/**
	 * @param dataSource the database of the audit log
	 * @param auditTables the application's Envers audit tables
	 * @param tenantPolicy per-tenant retention periods
	 * @param settings the system default and the batch size
	 * @param store where the record of each purge goes
	 * @param catalog the catalog, which defines {@code audit.retention.purge}
	 * @param meters where the counts of removed events and revisions go; may be {@code null}
	 * @param clock the clock the periods are measured with
	 */
	public RetentionJob(DataSource dataSource, AuditTables auditTables, TenantRetentionPolicy tenantPolicy,
			Settings settings, AuditEventStore store, OperationCatalog catalog, MeterRegistry meters, Clock clock) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.auditTables = auditTables;
		this.tenantPolicy = tenantPolicy;
		this.settings = settings;
		this.store = store;
		this.purgeOperation = catalog.find(OPERATION)
			.orElseThrow(() -> new IllegalStateException("The catalog lacks the operation " + OPERATION));
		this.clock = clock;
		this.purgedEvents = (meters != null) ? Counter.builder("audit.retention.purged.events")
			.description("Audit events removed by retention")
			.register(meters) : null;
		this.purgedRevisions = (meters != null) ? Counter.builder("audit.retention.purged.revisions")
			.description("Envers revisions removed by retention")
			.register(meters) : null;
	}

	/**
	 * The retention period of a tenant's entries, in days, or {@code null} to keep them forever.
	 * @param tenant the tenant, {@code null} for system-level entries
	 */
	public Integer retentionDays(String tenant) {
		Integer days = (tenant != null) ? this.tenantPolicy.retentionDays(tenant) : null;
		if (days == null) {
			days = this.settings.defaultDays();
		}
		return (days != null) ? Math.max(1, days) : null;
	}

	/** Purges every tenant's expired entries, unless another run is purging now. */
	public RetentionReport purge() {
		try (Connection lock = this.dataSource.getConnection()) {
			lock.setAutoCommit(false);
			try {
				if (!acquire(lock)) {
					logger.debug("Audit retention is running elsewhere; skipped");
					return new RetentionReport(false, List.of());
				}
				return purgeHoldingLock();
			}
			finally {
				lock.rollback();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot take the audit retention lock", ex);
		}
	}

	private static boolean acquire(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("select name from audit_job_lock where name = 'retention' for update skip locked");
				ResultSet row = statement.executeQuery()) {
			return row.next();
		}
	}

	private RetentionReport purgeHoldingLock() {
		Instant now = this.clock.instant();
		List<RetentionReport.TenantPurge> purges = new ArrayList<>();
		for (Map.Entry<String, String> chain : chains().entrySet()) {
			String tenant = chain.getValue();
			Integer days = retentionDays(tenant);
			if (days == null) {
				continue;
			}
			Instant cutoff = now.minus(Duration.ofDays(days));
			long events = purgeEvents(chain.getKey(), tenant, cutoff);
			long revisions = purgeRevisions(tenant, cutoff);
			purges.add(new RetentionReport.TenantPurge(tenant, days, events, revisions));
			if (events > 0 || revisions > 0) {
				logger.info("Audit retention removed " + events + " event(s) and " + revisions + " revision(s) of "
						+ ((tenant != null) ? "tenant '" + tenant + "'" : "system-level entries") + ", older than "
						+ days + " day(s)");
				if (this.purgedEvents != null) {
					this.purgedEvents.increment(events);
					this.purgedRevisions.increment(revisions);
				}
				record(tenant, days, events, revisions);
			}
		}
		return new RetentionReport(true, purges);
	}

	/** Chain keys and tenants of everything that may expire: sealed events and revisions. */
	private Map<String, String> chains() {
		Map<String, String> chains = new LinkedHashMap<>();
		this.jdbc.query("select chain_key, tenant from audit_chain_head order by chain_key",
				(ResultSet row) -> {
					chains.put(row.getString(1), row.getString(2));
				});
		this.jdbc.query("select distinct tenant from audit_revision", (ResultSet row) -> {
			String tenant = row.getString(1);
			chains.putIfAbsent(Chains.keyOf(tenant), tenant);
		});
		return chains;
	}

	private long purgeEvents(String chainKey, String tenant, Instant cutoff) {
		String ofTenant = Chains.tenantCondition(tenant);
		long from = checkpoint(chainKey);
		List<Long> firstKept = this.jdbc.queryForList("select chain_seq from audit_event where " + ofTenant
				+ " and chain_seq > ? and occurred_at >= ? order by tenant, chain_seq limit 1", Long.class,
				Chains.tenantParameters(tenant, from, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)));
		long to;
		if (!firstKept.isEmpty()) {
			to = firstKept.get(0) - 1;
		}
		else {
			List<Long> last = this.jdbc.queryForList("select chain_seq from audit_event where " + ofTenant
					+ " and chain_seq > ? order by tenant desc, chain_seq desc limit 1", Long.class,
					Chains.tenantParameters(tenant, from));
			to = last.isEmpty() ? from : last.get(0);
		}
		long purged = 0;
		while (from < to) {
			long batchEnd = Math.min(from + this.settings.batchSize(), to);
			long start = from;
			Batch batch = this.transactions.execute((status) -> purgeEventBatch(chainKey, tenant, start, batchEnd));
			if (batch == null) {
				logger.warn("Audit retention found no events of chain " + chainKey + " between positions " + start
						+ " and " + batchEnd + "; verification will report the gap");
				break;
			}
			purged += batch.removed();
			from = batch.lastSeq();
		}
		return purged;
	}

	private Batch purgeEventBatch(String chainKey, String tenant, long from, long to) {
		String ofTenant = Chains.tenantCondition(tenant);
		List<Batch> last = this.jdbc.query("select chain_seq, hash from audit_event where " + ofTenant
				+ " and chain_seq > ? and chain_seq <= ? order by tenant desc, chain_seq desc limit 1",
				(row, index) -> new Batch(row.getLong(1), row.getString(2), 0), Chains.tenantParameters(tenant, from, to));
		if (last.isEmpty()) {
			return null;
		}
		Batch batch = last.get(0);
		int removed = this.jdbc.update("delete from audit_event where " + ofTenant + " and chain_seq > ? and chain_seq <= ?",
				Chains.tenantParameters(tenant, from, batch.lastSeq()));
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		int updated = this.jdbc.update(
				"update audit_chain_checkpoint set seq = ?, hash = ?, purged_at = ? where chain_key = ?",
				batch.lastSeq(), batch.lastHash(), now, chainKey);
		if (updated == 0) {
			this.jdbc.update("insert into audit_chain_checkpoint (chain_key, tenant, seq, hash, purged_at) "
					+ "values (?, ?, ?, ?, ?)", chainKey, tenant, batch.lastSeq(), batch.lastHash(), now);
		}
		return new Batch(batch.lastSeq(), batch.lastHash(), removed);
	}

	private long checkpoint(String chainKey) {
		List<Long> seq = this.jdbc.queryForList("select seq from audit_chain_checkpoint where chain_key = ?",
				Long.class, chainKey);
		return seq.isEmpty() ? 0 : seq.get(0);
	}

	private long purgeRevisions(String tenant, Instant cutoff) {
		long purged = 0;
		while (true) {
			Integer removed = this.transactions.execute((status) -> purgeRevisionBatch(tenant, cutoff));
			purged += removed;
			if (removed < this.settings.batchSize()) {
				return purged;
			}
		}
	}

	private int purgeRevisionBatch(String tenant, Instant cutoff) {
		List<Long> ids = new ArrayList<>();
		Set<String> entityTypes = new LinkedHashSet<>();
		boolean[] unknownTypes = { false };
		this.jdbc.query("select r.id, r.entity_types from audit_revision r where " + Chains.tenantCondition(tenant)
				+ " and r.rev_timestamp < ? and not exists (select 1 from audit_event e where e.revision_id = r.id) "
				+ "order by r.id limit ?", (ResultSet row) -> {
					ids.add(row.getLong(1));
					String types = row.getString(2);
					if (types == null) {
						unknownTypes[0] = true;
					}
					else {
						entityTypes.addAll(Arrays.asList(types.split(",")));
					}
				}, Chains.tenantParameters(tenant, cutoff.toEpochMilli(), this.settings.batchSize()));
		if (ids.isEmpty()) {
			return 0;
		}
		String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
		Object[] parameters = ids.toArray();
		for (String table : this.auditTables.tablesOf(unknownTypes[0] ? null : entityTypes)) {
			this.jdbc.update("delete from " + table + " where rev in (" + in + ")", parameters);
		}
		return this.jdbc.update("delete from audit_revision where id in (" + in + ")", parameters);
	}

	private void record(String tenant, int days, long events, long revisions) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("purged_events", Long.toString(events));
		details.put("purged_revisions", Long.toString(revisions));
		details.put("retention_days", Integer.toString(days));
		this.store.append(List.of(new AuditEvent(null, this.clock.instant(), tenant, this.purgeOperation.id(),
				this.purgeOperation.target(), this.purgeOperation.action(), Outcome.SUCCESS, Actor.system(), null, null,
				details, null, null, null, null)));
	}

	private record Batch(long lastSeq, String lastHash, int removed) {
	}

	/**
	 * How retention runs.
	 *
	 * @param defaultDays the days entries are kept unless a tenant's policy says otherwise;
	 * {@code null} keeps them forever
	 * @param batchSize how many events or revisions are removed per transaction
	 */
	public record Settings(Integer defaultDays, int batchSize) {

		public Settings {
			if (defaultDays != null && defaultDays < 1) {
				throw new IllegalArgumentException("audit.retention.days must be at least 1, not " + defaultDays
						+ "; leave it unset to keep entries forever");
			}
			if (batchSize < 1) {
				throw new IllegalArgumentException("audit.retention.batch-size must be at least 1, not " + batchSize);
			}
		}

	}

}
