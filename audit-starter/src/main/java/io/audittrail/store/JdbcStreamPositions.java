package io.audittrail.store;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the relay's positions in the {@code audit_stream_position} table, one row per
 * destination and chain. Publishing a chain holds its row's lock for the transaction; a
 * relay that finds the row locked skips the chain rather than waiting, so several
 * application instances share the chains. Thread-safe.
 */
final class JdbcStreamPositions implements StreamPositions {

	static final String CREATE = """
			insert into audit_stream_position (destination, chain_key, position) select ?, ?, 0 \
			where not exists (select 1 from audit_stream_position where destination = ? and chain_key = ?)""";

	static final String LOCK = """
			select position from audit_stream_position where destination = ? and chain_key = ? \
			for update skip locked""";

	static final String ADVANCE = """
			update audit_stream_position set position = ?, published_at = ? where destination = ? and chain_key = ?""";

	static final String POSITIONS = """
			select chain_key, position from audit_stream_position where destination = ?""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Set<String> knownRows = ConcurrentHashMap.newKeySet();

	/**
	 * @param dataSource the database of the audit log
	 * @param clock the clock the time of publishing is read from
	 */
	JdbcStreamPositions(DataSource dataSource, Clock clock) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.clock = clock;
	}

	@Override
	public boolean publish(String destination, String chain, Publishing work) {
		create(destination, chain);
		Boolean ran = this.transactions.execute((status) -> {
			List<Long> locked = this.jdbc.queryForList(LOCK, Long.class, destination, chain);
			if (locked.isEmpty()) {
				return false;
			}
			long position = locked.get(0);
			long reached = work.from(position);
			if (reached > position) {
				this.jdbc.update(ADVANCE, reached, OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC),
						destination, chain);
			}
			return true;
		});
		return Boolean.TRUE.equals(ran);
	}

	@Override
	public Map<String, Long> positions(String destination) {
		Map<String, Long> positions = new LinkedHashMap<>();
		this.jdbc.query(POSITIONS, (row) -> {
			positions.put(row.getString(1), row.getLong(2));
		}, destination);
		return positions;
	}

	private void create(String destination, String chain) {
		String row = destination + "\n" + chain;
		if (this.knownRows.contains(row)) {
			return;
		}
		try {
			this.transactions
				.executeWithoutResult((status) -> this.jdbc.update(CREATE, destination, chain, destination, chain));
		}
		catch (DataIntegrityViolationException ex) {
			// another instance created the row at the same time
		}
		this.knownRows.add(row);
	}

}
