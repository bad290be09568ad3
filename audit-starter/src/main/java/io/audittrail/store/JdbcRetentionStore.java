package io.audittrail.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.audittrail.verifier.Merkle;
import io.audittrail.verifier.MerkleFrontier;

/**
 * Retention's statements on the audit tables, the job locks and Envers'
 * {@code audit_revision}.
 */
final class JdbcRetentionStore implements RetentionStore {

	private static final String FIRST_KEPT = """
			select s.position from audit_seal s join audit_event e on e.id = s.event_id
			where s.chain = ? and s.position > ? and e.occurred_at >= ? order by s.position fetch first 1 rows only""";

	private static final String LAST = """
			select s.position from audit_seal s where s.chain = ? and s.position > ?
			order by s.position desc fetch first 1 rows only""";

	private static final String IN_RANGE = """
			select s.position, s.hash, s.event_id from audit_seal s where s.chain = ? and s.position > ?
			and s.position <= ? order by s.position""";

	private static final String DELETE_STATUSES = "delete from audit_request_status where event_id in (%s)";

	private static final String DELETE_EVENTS = "delete from audit_event where id in (%s)";

	private static final String DELETE_SEALS = "delete from audit_seal where chain = ? and position > ? and position <= ?";

	private static final String PURGED_TREE = "select seq, frontier from audit_chain_checkpoint where chain_key = ?";

	private static final String MOVE_CHECKPOINT = "update audit_chain_checkpoint set seq = ?, hash = ?, purged_at = ?, "
			+ "frontier = ? where chain_key = ?";

	private static final String CREATE_CHECKPOINT = "insert into audit_chain_checkpoint (chain_key, tenant, seq, hash, "
			+ "purged_at, frontier) values (?, ?, ?, ?, ?, ?)";

	private static final HexFormat HEX = HexFormat.of();

	private static final String EXPIRED_REVISIONS = "select r.id, r.entity_types from audit_revision r where %s "
			+ "and r.rev_timestamp < ? and not exists (select 1 from audit_event e where e.revision_id = r.id) "
			+ "order by r.id fetch first ? rows only";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final StoreDialect dialect;

	JdbcRetentionStore(DataSource dataSource, StoreDialect dialect) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.dialect = dialect;
	}

	@Override
	public <T> Optional<T> runExclusively(String job, Supplier<T> work) {
		try (Connection lock = this.dataSource.getConnection()) {
			lock.setAutoCommit(false);
			try {
				try (PreparedStatement statement = lock.prepareStatement(this.dialect.lockOrSkip())) {
					statement.setString(1, job);
					try (ResultSet row = statement.executeQuery()) {
						if (!row.next()) {
							return Optional.empty();
						}
					}
				}
				return Optional.of(work.get());
			}
			finally {
				lock.rollback();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot take the audit lock of the job '" + job + "'", ex);
		}
	}

	@Override
	public List<String> tenants() {
		Set<String> tenants = new LinkedHashSet<>();
		this.jdbc.query("select tenant from audit_chain_head order by chain_key", (ResultSet row) -> {
			tenants.add(row.getString(1));
		});
		this.jdbc.query("select distinct tenant from audit_revision", (ResultSet row) -> {
			tenants.add(row.getString(1));
		});
		return new ArrayList<>(tenants);
	}

	@Override
	public long checkpoint(String tenant) {
		List<Long> position = this.jdbc.queryForList("select seq from audit_chain_checkpoint where chain_key = ?",
				Long.class, Chains.keyOf(tenant));
		return position.isEmpty() ? 0 : position.get(0);
	}

	@Override
	public OptionalLong firstPositionSince(String tenant, long afterPosition, Instant cutoff) {
		return first(this.jdbc.queryForList(FIRST_KEPT, Long.class, Chains.keyOf(tenant), afterPosition,
				OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)));
	}

	@Override
	public OptionalLong lastPosition(String tenant, long afterPosition) {
		return first(this.jdbc.queryForList(LAST, Long.class, Chains.keyOf(tenant), afterPosition));
	}

	private static OptionalLong first(List<Long> positions) {
		return positions.isEmpty() ? OptionalLong.empty() : OptionalLong.of(positions.get(0));
	}

	@Override
	public PurgedEvents purgeEvents(String tenant, long from, long to, Instant now) {
		String chain = Chains.keyOf(tenant);
		return this.transactions.execute((status) -> {
			List<Long> events = new ArrayList<>();
			long[] lastPosition = { 0 };
			String[] lastHash = { null };
			MerkleFrontier[] tree = { purgedTree(chain, from) };
			this.jdbc.query(IN_RANGE, (ResultSet row) -> {
				lastPosition[0] = row.getLong(1);
				lastHash[0] = row.getString(2);
				events.add(row.getLong(3));
				if (tree[0] != null && tree[0].size() == lastPosition[0] - 1) {
					tree[0].append(Merkle.leafHash(HEX.parseHex(lastHash[0])));
				}
				else {
					tree[0] = null;
				}
			}, chain, from, to);
			if (events.isEmpty()) {
				return null;
			}
			String frontier = (tree[0] != null) ? HashList.join(tree[0].hashes()) : "";
			// by id, which both databases look up in the primary key
			String ids = String.join(", ", Collections.nCopies(events.size(), "?"));
			this.jdbc.update(DELETE_STATUSES.formatted(ids), events.toArray());
			int removed = this.jdbc.update(DELETE_EVENTS.formatted(ids), events.toArray());
			this.jdbc.update(DELETE_SEALS, chain, from, lastPosition[0]);
			OffsetDateTime purgedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
			if (this.jdbc.update(MOVE_CHECKPOINT, lastPosition[0], lastHash[0], purgedAt, frontier, chain) == 0) {
				this.jdbc.update(CREATE_CHECKPOINT, chain, tenant, lastPosition[0], lastHash[0], purgedAt, frontier);
			}
			return new PurgedEvents(lastPosition[0], removed);
		});
	}

	/**
	 * The tree of the events removed up to a position, which the events removed next
	 * extend, or {@code null} when it is not known (the chain was purged by a release
	 * that kept no frontier).
	 */
	private MerkleFrontier purgedTree(String chain, long position) {
		if (position == 0) {
			return MerkleFrontier.empty();
		}
		MerkleFrontier kept = purgedTree(this.jdbc, chain);
		return (kept != null && kept.size() == position) ? kept : null;
	}

	/**
	 * The tree of the events retention removed from a chain, as kept with its retention
	 * checkpoint, or {@code null} when none was removed or the release that removed them
	 * kept no tree.
	 */
	static MerkleFrontier purgedTree(JdbcTemplate jdbc, String chain) {
		return jdbc.query(PURGED_TREE, (ResultSet row) -> {
			if (!row.next() || row.getString(2) == null || row.getString(2).isEmpty()) {
				return null;
			}
			return MerkleFrontier.of(row.getLong(1), HashList.split(row.getString(2)));
		}, chain);
	}

	@Override
	public int purgeRevisions(String tenant, Instant cutoff, int limit,
			Function<Set<String>, Collection<String>> tablesOf) {
		Integer removed = this.transactions.execute((status) -> {
			List<Long> ids = new ArrayList<>();
			Set<String> entityTypes = new LinkedHashSet<>();
			boolean[] unknownTypes = { false };
			this.jdbc.query(EXPIRED_REVISIONS.formatted(Chains.tenantCondition(tenant).replace("e.", "r.")),
					(ResultSet row) -> {
						ids.add(row.getLong(1));
						String types = row.getString(2);
						if (types == null) {
							unknownTypes[0] = true;
						}
						else {
							entityTypes.addAll(Arrays.asList(types.split(",")));
						}
					}, Chains.tenantParameters(tenant, cutoff.toEpochMilli(), limit));
			if (ids.isEmpty()) {
				return 0;
			}
			String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
			Object[] parameters = ids.toArray();
			for (String table : tablesOf.apply(unknownTypes[0] ? null : entityTypes)) {
				this.jdbc.update("delete from " + table + " where rev in (" + in + ")", parameters);
			}
			return this.jdbc.update("delete from audit_revision where id in (" + in + ")", parameters);
		});
		return (removed != null) ? removed : 0;
	}

}
