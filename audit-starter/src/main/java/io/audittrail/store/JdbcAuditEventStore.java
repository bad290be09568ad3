package io.audittrail.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.audittrail.core.AuditEvent;
import io.audittrail.core.AuditEventStore;

/**
 * Stores events in the {@code audit_event} table with one statement or JDBC batch per
 * write (on PostgreSQL, one insert over arrays for larger writes), through the current
 * transaction's connection. Values longer than their column are cut, so that an over-long
 * name never fails a business call.
 */
final class JdbcAuditEventStore implements AuditEventStore {

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final EventRows rows;

	private final StoreDialect dialect;

	private final boolean isolateFailures;

	/**
	 * @param dataSource the database
	 * @param rows the mapping of the event row
	 * @param dialect the database's behaviour
	 * @param isolateFailures whether a failed write is rolled back to a savepoint, so
	 * that the surrounding transaction can still commit (the failure policy {@code log})
	 */
	JdbcAuditEventStore(DataSource dataSource, EventRows rows, StoreDialect dialect, boolean isolateFailures) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.rows = rows;
		this.dialect = dialect;
		this.isolateFailures = isolateFailures;
	}

	@Override
	public void append(List<AuditEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		if (this.isolateFailures && TransactionSynchronizationManager.isActualTransactionActive()) {
			appendWithinSavepoint(() -> insert(events));
		}
		else {
			insert(events);
		}
	}

	@Override
	public List<AuditEvent> appendReturningIds(List<AuditEvent> events) {
		List<AuditEvent> stored = new ArrayList<>(events.size());
		Runnable insert = () -> events.forEach((event) -> stored.add(insertReturningId(event)));
		if (this.isolateFailures && TransactionSynchronizationManager.isActualTransactionActive()) {
			appendWithinSavepoint(insert);
		}
		else {
			insert.run();
		}
		return stored;
	}

	private void appendWithinSavepoint(Runnable insert) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			Savepoint savepoint = connection.setSavepoint();
			try {
				insert.run();
				connection.releaseSavepoint(savepoint);
			}
			catch (RuntimeException ex) {
				connection.rollback(savepoint);
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot isolate the audit write in a savepoint", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private AuditEvent insertReturningId(AuditEvent event) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement(EventRows.INSERT, new String[] { "id" });
			this.rows.bind(statement, event);
			return statement;
		}, keys);
		return new AuditEvent(keys.getKeyAs(Number.class).longValue(), event.occurredAt(), event.tenant(),
				event.operation(), event.target(), event.action(), event.outcome(), event.actor(), event.ip(),
				event.entity(), event.details(), event.error(), event.requestId(), event.revision(), event.request(),
				event.trace());
	}

	private void insert(List<AuditEvent> events) {
		if (events.size() == 1) {
			// a batch of one costs the same round trip and, on some drivers (H2), more
			// work
			this.jdbc.update(EventRows.INSERT, (statement) -> this.rows.bind(statement, events.get(0)));
		}
		else if (this.dialect.writesInOneStatement(events.size())) {
			// PostgreSQL spends about a third less time per row on it than on a batch of
			// single-row inserts
			this.dialect.executeOverArrays(this.jdbc, EventRows.INSERT_FROM_ARRAYS, EventRows.ARRAY_TYPES,
					this.rows.columns(events));
		}
		else {
			this.jdbc.batchUpdate(EventRows.INSERT, events, events.size(), this.rows::bind);
		}
	}

}
