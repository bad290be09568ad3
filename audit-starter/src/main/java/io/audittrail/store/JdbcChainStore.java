package io.audittrail.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chains in {@code audit_seal}, {@code audit_chain_head} and
 * {@code audit_chain_checkpoint}. Seals are inserted, never updated; a chain's head row
 * is locked while its events are sealed, so that chains never fork, and the unique
 * (chain, position) and event id of the seals keep two sealers from ever giving a place
 * twice.
 */
final class JdbcChainStore implements ChainStore {

	private static final int FETCH_SIZE = 2000;

	// the events as stored, read once: nothing a seal covers changes once an event is
	// complete. The seal side is bounded too: unbounded, PostgreSQL's generic plan merges
	// the anti-join with every seal ever written, so each batch cost grew with the chain
	private static final String UNSEALED = "select " + EventRows.SELECT + " from audit_event e where e.id > ? "
			+ "and not exists (select 1 from audit_seal s where s.event_id = e.id and s.event_id > ?) "
			+ "and (e.http_method is null or e.http_status is not null or e.occurred_at < ? "
			+ "or exists (select 1 from audit_request_status st where st.event_id = e.id)) "
			+ "order by e.id fetch first ? rows only";

	private static final String UNSEALED_IN_RANGE = "select (select count(*) from audit_event where id > ? and id <= ?) "
			+ "- (select count(*) from audit_seal where event_id > ? and event_id <= ?)";

	private static final String CREATE_HEAD = """
			insert into audit_chain_head (chain_key, tenant, seq, hash) select ?, ?, 0, null
			where not exists (select 1 from audit_chain_head where chain_key = ?)""";

	private static final String LOCK_HEAD = "select seq, hash from audit_chain_head where chain_key = ? for update";

	private static final String MOVE_HEAD = "update audit_chain_head set seq = ?, hash = ? where chain_key = ?";

	private static final String INSERT_SEAL = "insert into audit_seal (chain, position, event_id, prev_hash, hash, "
			+ "encoding) values (?, ?, ?, ?, ?, ?)";

	private static final String INSERT_SEALS_FROM_ARRAYS = "insert into audit_seal (chain, position, event_id, "
			+ "prev_hash, hash, encoding) select * from unnest(?::varchar[], ?::int8[], ?::int8[], ?::varchar[], "
			+ "?::varchar[], ?::varchar[])";

	private static final String[] SEAL_ARRAY_TYPES = { "varchar", "int8", "int8", "varchar", "varchar", "varchar" };

	private static final String SEALED_AMONG_ARRAY = "select event_id from audit_seal where event_id = any(?)";

	private static final String SEALED = "select " + EventRows.SELECT + ", s.position, s.prev_hash, s.hash, "
			+ "s.encoding from audit_seal s join audit_event e on e.id = s.event_id where s.chain = ? ";

	private static final String EVENTS_BY_ID = "select " + EventRows.SELECT_STORED
			+ " from audit_event e where e.id > ? and e.id <= ? order by e.id";

	private static final String SEALS_BY_EVENT = "select event_id, chain, position, prev_hash, hash, encoding "
			+ "from audit_seal where event_id > ? and event_id <= ?";

	private static final String LATE_STATUSES = "select event_id, status from audit_request_status "
			+ "where event_id > ? and event_id <= ?";

	private static final String HEADS = "select chain_key, tenant, seq, hash from audit_chain_head";

	private final JdbcTemplate jdbc;

	private final JdbcTemplate streaming;

	private final TransactionTemplate transactions;

	private final TransactionTemplate readOnly;

	private final StoreDialect dialect;

	private final Set<String> knownHeads = ConcurrentHashMap.newKeySet();

	JdbcChainStore(DataSource dataSource, StoreDialect dialect) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(FETCH_SIZE);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		// PostgreSQL streams a result set only with auto-commit off, that is in a
		// transaction
		this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.readOnly.setReadOnly(true);
		this.dialect = dialect;
	}

	@Override
	public List<EventRow> unsealed(long afterId, Instant graceLimit, int limit) {
		return this.jdbc.query(UNSEALED, (row, index) -> EventRows.row(row, 1), afterId, afterId,
				OffsetDateTime.ofInstant(graceLimit, ZoneOffset.UTC), limit);
	}

	@Override
	public long lastEventId() {
		return count("select coalesce(max(id), 0) from audit_event");
	}

	@Override
	public long lastSealedEventId() {
		return count("select coalesce(max(event_id), 0) from audit_seal");
	}

	@Override
	public long firstSealedEventId() {
		return count("select coalesce(min(event_id), 0) from audit_seal");
	}

	@Override
	public int seal(String tenant, List<EventRow> events, Linker linker) {
		if (events.isEmpty()) {
			return 0;
		}
		String chain = Chains.keyOf(tenant);
		ensureHead(chain, tenant);
		Integer sealed = this.transactions.execute((status) -> sealLocked(chain, events, linker));
		return (sealed != null) ? sealed : 0;
	}

	private int sealLocked(String chain, List<EventRow> events, Linker linker) {
		ChainHead head = this.jdbc.queryForObject(LOCK_HEAD,
				(row, index) -> new ChainHead(chain, null, row.getLong(1), row.getString(2)), chain);
		// under the head's lock: another instance may have sealed some meanwhile, and a
		// request's status may have arrived for an event that waited for it
		Set<Long> sealedMeanwhile = sealedAmong(events.stream().map(EventRow::id).toList());
		Map<Long, EventRow> readAgain = readAgain(events.stream()
			.filter((event) -> event.httpMethod() != null && event.httpStatus() == null)
			.map(EventRow::id)
			.filter((id) -> !sealedMeanwhile.contains(id))
			.toList());
		List<Object[]> seals = new ArrayList<>(events.size());
		long position = head.position();
		String previous = head.hash();
		for (EventRow given : events) {
			if (sealedMeanwhile.contains(given.id())) {
				continue;
			}
			EventRow event = readAgain.getOrDefault(given.id(), given);
			long next = position + 1;
			Link link = linker.link(event, next, previous);
			seals.add(new Object[] { chain, next, event.id(), previous, link.hash(), link.encoding() });
			position = next;
			previous = link.hash();
		}
		if (seals.isEmpty()) {
			return 0;
		}
		insertSeals(seals);
		this.jdbc.update(MOVE_HEAD, position, previous, chain);
		return seals.size();
	}

	/**
	 * The events among the given ones that have a seal: index lookups of the seals only.
	 */
	private Set<Long> sealedAmong(List<Long> ids) {
		List<Long> sealed;
		if (this.dialect.writesInOneStatement(ids.size())) {
			// one statement text for any number of events, planned once
			sealed = this.jdbc.query((connection) -> {
				PreparedStatement statement = connection.prepareStatement(SEALED_AMONG_ARRAY);
				statement.setArray(1, connection.createArrayOf("int8", ids.toArray()));
				return statement;
			}, (row, index) -> row.getLong(1));
		}
		else {
			sealed = this.jdbc.queryForList(
					"select event_id from audit_seal where event_id in (" + parameters(ids.size()) + ")", Long.class,
					ids.toArray());
		}
		return new HashSet<>(sealed);
	}

	/** The given events without a seal, read again as stored, by id. */
	private Map<Long, EventRow> readAgain(List<Long> ids) {
		Map<Long, EventRow> events = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.query(
					"select " + EventRows.SELECT + " from audit_event e where e.id in (" + parameters(ids.size())
							+ ") and not exists (select 1 from audit_seal s where s.event_id = e.id)",
					(ResultSet row) -> {
						EventRow event = EventRows.row(row, 1);
						events.put(event.id(), event);
					}, ids.toArray());
		}
		return events;
	}

	private static String parameters(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

	private void insertSeals(List<Object[]> seals) {
		if (this.dialect.writesInOneStatement(seals.size())) {
			Object[][] columns = new Object[SEAL_ARRAY_TYPES.length][seals.size()];
			for (int i = 0; i < seals.size(); i++) {
				for (int column = 0; column < columns.length; column++) {
					columns[column][i] = seals.get(i)[column];
				}
			}
			this.dialect.executeOverArrays(this.jdbc, INSERT_SEALS_FROM_ARRAYS, SEAL_ARRAY_TYPES, columns);
		}
		else {
			this.jdbc.batchUpdate(INSERT_SEAL, seals);
		}
	}

	private void ensureHead(String chain, String tenant) {
		if (this.knownHeads.contains(chain)) {
			return;
		}
		try {
			this.transactions.executeWithoutResult((status) -> this.jdbc.update(CREATE_HEAD, chain, tenant, chain));
		}
		catch (DataIntegrityViolationException ex) {
			// another instance created the head at the same time
		}
		this.knownHeads.add(chain);
	}

	@Override
	public List<ChainHead> heads() {
		return this.jdbc.query(HEADS + " order by chain_key",
				(row, index) -> new ChainHead(row.getString(1), row.getString(2), row.getLong(3), row.getString(4)));
	}

	@Override
	public Optional<ChainHead> head(String tenant) {
		return this.jdbc
			.query(HEADS + " where chain_key = ?",
					(row, index) -> new ChainHead(row.getString(1), row.getString(2), row.getLong(3), row.getString(4)),
					Chains.keyOf(tenant))
			.stream()
			.findFirst();
	}

	@Override
	public Checkpoint checkpoint(String tenant) {
		List<Checkpoint> checkpoints = this.jdbc.query(
				"select seq, hash from audit_chain_checkpoint where chain_key = ?",
				(row, index) -> new Checkpoint(row.getLong(1), row.getString(2)), Chains.keyOf(tenant));
		return checkpoints.isEmpty() ? new Checkpoint(0, null) : checkpoints.get(0);
	}

	@Override
	public void walk(String tenant, long afterPosition, Predicate<SealedRow> visitor) {
		try {
			this.readOnly.executeWithoutResult((status) -> this.streaming
				.query(SEALED + "and s.position > ? order by s.position", (RowCallbackHandler) (row) -> {
					if (!visitor.test(sealed(row))) {
						throw StopWalk.INSTANCE;
					}
				}, Chains.keyOf(tenant), afterPosition));
		}
		catch (StopWalk ex) {
			// the visitor has seen enough
		}
	}

	@Override
	public void walkIds(long afterId, long upToId, Consumer<ChainedRow> visitor) {
		// three range scans merged here: joining the tables, or the status subquery per
		// row, made the databases look each row up in the other table
		this.readOnly.executeWithoutResult((status) -> {
			Map<Long, Seal> seals = new HashMap<>();
			Map<String, String> chains = new HashMap<>();
			this.streaming
				.query(SEALS_BY_EVENT,
						(RowCallbackHandler) (
								row) -> seals.put(row.getLong(1),
										new Seal(chains.computeIfAbsent(row.getString(2), (chain) -> chain),
												row.getLong(3), row.getString(4), row.getString(5), row.getString(6))),
						afterId, upToId);
			if (seals.isEmpty()) {
				return;
			}
			Map<Long, Integer> lateStatuses = new HashMap<>();
			this.streaming.query(LATE_STATUSES,
					(RowCallbackHandler) (row) -> lateStatuses.put(row.getLong(1), row.getInt(2)), afterId, upToId);
			this.streaming.query(EVENTS_BY_ID, (RowCallbackHandler) (row) -> {
				Seal seal = seals.get(row.getLong(1));
				if (seal != null) {
					visitor.accept(new ChainedRow(seal.chain(), new SealedRow(EventRows.row(row, 1, lateStatuses),
							seal.position(), seal.prevHash(), seal.hash(), seal.encoding())));
				}
			}, afterId, upToId);
		});
	}

	/** A seal read apart from its event. */
	private record Seal(String chain, long position, String prevHash, String hash, String encoding) {
	}

	@Override
	public List<SealedRow> sealedAfter(String tenant, long afterPosition, int limit) {
		return this.jdbc.query(SEALED + "and s.position > ? order by s.position fetch first ? rows only",
				(row, index) -> sealed(row), Chains.keyOf(tenant), afterPosition, limit);
	}

	@Override
	public Optional<SealedRow> sealAt(String tenant, long position) {
		return this.jdbc
			.query(SEALED + "and s.position = ?", (row, index) -> sealed(row), Chains.keyOf(tenant), position)
			.stream()
			.findFirst();
	}

	private static SealedRow sealed(ResultSet row) throws SQLException {
		int seal = EventRows.SELECTED;
		return new SealedRow(EventRows.row(row, 1), row.getLong(seal + 1), row.getString(seal + 2),
				row.getString(seal + 3), row.getString(seal + 4));
	}

	@Override
	public long unsealedCount(String tenant) {
		return count(
				"select count(*) from audit_event e where " + Chains.tenantCondition(tenant)
						+ " and not exists (select 1 from audit_seal s where s.event_id = e.id)",
				Chains.tenantParameters(tenant));
	}

	@Override
	public long unsealedCount() {
		return count("select count(*) from audit_event e where not exists "
				+ "(select 1 from audit_seal s where s.event_id = e.id)");
	}

	@Override
	public long unsealedCount(long afterId, long upToId) {
		// one statement, so that both counts see the same committed events and seals
		return count(UNSEALED_IN_RANGE, afterId, upToId, afterId, upToId);
	}

	@Override
	public Optional<Long> sealedWithoutHead(String tenant) {
		return Optional.ofNullable(this.jdbc.queryForObject("select min(event_id) from audit_seal where chain = ?",
				Long.class, Chains.keyOf(tenant)));
	}

	private long count(String sql, Object... parameters) {
		Long count = this.jdbc.queryForObject(sql, Long.class, parameters);
		return (count != null) ? count : 0;
	}

	/** Ends a walk early: the rest of a chain need not be read. */
	private static final class StopWalk extends RuntimeException {

		static final StopWalk INSTANCE = new StopWalk();

		private StopWalk() {
			super(null, null, false, false);
		}

	}

}
