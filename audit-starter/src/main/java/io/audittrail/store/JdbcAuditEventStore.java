package io.audittrail.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.audittrail.core.AuditEvent;
import io.audittrail.core.AuditEventStore;
import io.audittrail.core.RequestInfo;

/**
 * Stores events in the {@code audit_event} table with one statement or JDBC batch per write (on
 * PostgreSQL, one insert over arrays for larger writes), through the current transaction's
 * connection. Values longer than their column are cut, so that an over-long name never fails a
 * business call.
 */
public final class JdbcAuditEventStore implements AuditEventStore {

	static final String INSERT = "insert into audit_event (occurred_at, tenant, operation, target, action, outcome, "
			+ "actor_type, actor_id, actor_name, ip, entity_type, entity_id, entity_name, details, error, request_id, "
			+ "revision_id, http_method, http_path, http_status, http_resource, http_auth_type, http_detail) "
			+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final int COLUMNS = 23;

	private static final int[] SQL_TYPES = { Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR,
			Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR };

	private static final String[] ARRAY_TYPES = { "varchar", "varchar", "varchar", "varchar", "varchar", "varchar",
			"varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar",
			"int8", "varchar", "varchar", "int4", "varchar", "varchar", "varchar" };

	/** The PostgreSQL insert of many events from one array per column, in the arrays' order. */
	static final String INSERT_FROM_ARRAYS = "insert into audit_event (occurred_at, tenant, operation, target, action, "
			+ "outcome, actor_type, actor_id, actor_name, ip, entity_type, entity_id, entity_name, details, error, "
			+ "request_id, revision_id, http_method, http_path, http_status, http_resource, http_auth_type, http_detail) "
			+ "select occurred_at::timestamptz, tenant, operation, target, action, outcome, actor_type, actor_id, "
			+ "actor_name, ip, entity_type, entity_id, entity_name, details, error, request_id, revision_id, http_method, "
			+ "http_path, http_status, http_resource, http_auth_type, http_detail from unnest(?::varchar[], ?::varchar[], "
			+ "?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], "
			+ "?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[], ?::varchar[], ?::int8[], "
			+ "?::varchar[], ?::varchar[], ?::int4[], ?::varchar[], ?::varchar[], ?::text[]) with ordinality as v("
			+ "occurred_at, tenant, operation, target, action, outcome, actor_type, actor_id, actor_name, ip, "
			+ "entity_type, entity_id, entity_name, details, error, request_id, revision_id, http_method, http_path, "
			+ "http_status, http_resource, http_auth_type, http_detail, position) order by position";

	/** From how many events a write on PostgreSQL is one statement over arrays rather than a JDBC batch. */
	private static final int ONE_STATEMENT_FROM = 8;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final boolean isolateFailures;

	private volatile Boolean postgres;

	/**
	 * @param dataSource the database
	 * @param json writes details and request parts as JSON
	 * @param isolateFailures whether a failed write is rolled back to a savepoint, so that the
	 * surrounding transaction can still commit (the failure policy {@code log})
	 */
	public JdbcAuditEventStore(DataSource dataSource, JsonMapper json, boolean isolateFailures) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.json = json;
		this.isolateFailures = isolateFailures;
	}

	@Override
	public void append(List<AuditEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		if (this.isolateFailures && TransactionSynchronizationManager.isActualTransactionActive()) {
			appendWithinSavepoint(events);
		}
		else {
			insert(events);
		}
	}

	private void appendWithinSavepoint(List<AuditEvent> events) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			Savepoint savepoint = connection.setSavepoint();
			try {
				insert(events);
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

	private void insert(List<AuditEvent> events) {
		if (events.size() == 1) {
			// a batch of one costs the same round trip and, on some drivers (H2), more work
			this.jdbc.update(INSERT, (statement) -> bind(statement, events.get(0)));
		}
		else if (events.size() >= ONE_STATEMENT_FROM && isPostgres()) {
			insertInOneStatement(events);
		}
		else {
			this.jdbc.batchUpdate(INSERT, events, events.size(), this::bind);
		}
	}

	private boolean isPostgres() {
		Boolean postgres = this.postgres;
		if (postgres == null) {
			postgres = AuditDatabase.find(this.dataSource).filter(AuditDatabase.POSTGRESQL::equals).isPresent();
			this.postgres = postgres;
		}
		return postgres;
	}

	private void bind(PreparedStatement statement, AuditEvent event) throws SQLException {
		Object[] row = row(event);
		// the driver maps an OffsetDateTime to a timestamp with time zone by itself
		statement.setObject(1, row[0]);
		for (int i = 1; i < row.length; i++) {
			statement.setObject(i + 1, row[i], SQL_TYPES[i]);
		}
	}

	/**
	 * Many events as one statement over arrays of their columns: PostgreSQL spends about a third less
	 * time per row on it than on a JDBC batch of single-row inserts. The events keep their order.
	 */
	private void insertInOneStatement(List<AuditEvent> events) {
		Object[][] columns = new Object[COLUMNS][events.size()];
		for (int i = 0; i < events.size(); i++) {
			Object[] row = row(events.get(i));
			for (int column = 0; column < COLUMNS; column++) {
				columns[column][i] = row[column];
			}
			// occurred_at goes as ISO text, which PostgreSQL reads with its offset
			columns[0][i] = row[0].toString();
		}
		this.jdbc.execute((Connection connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(INSERT_FROM_ARRAYS)) {
				for (int column = 0; column < COLUMNS; column++) {
					statement.setArray(column + 1, connection.createArrayOf(ARRAY_TYPES[column], columns[column]));
				}
				return statement.executeUpdate();
			}
		});
	}

	/** The values of the insert's parameters, cut to their columns. */
	private Object[] row(AuditEvent event) {
		RequestInfo request = event.request();
		Map<String, Object> detail = (request != null) ? request.detail() : Map.of();
		return new Object[] { OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC), cut(event.tenant(), 255),
				cut(event.operation(), 128), cut(event.target(), 64), event.action().name(), event.outcome().name(),
				event.actor().type().name(), cut(event.actor().id(), 255), cut(event.actor().name(), 255),
				cut(event.ip(), 64), (event.entity() != null) ? cut(event.entity().type(), 128) : null,
				(event.entity() != null) ? cut(event.entity().id(), 255) : null,
				(event.entity() != null) ? cut(event.entity().name(), 512) : null,
				event.details().isEmpty() ? null : this.json.writeValueAsString(event.details()),
				cut(event.error(), 512), cut(event.requestId(), 64), event.revision(),
				(request != null) ? cut(request.method(), 16) : null,
				(request != null) ? cut(request.path(), 2048) : null, (request != null) ? request.status() : null,
				(request != null) ? cut(request.resource(), 255) : null,
				(request != null) ? cut(request.authType(), 16) : null,
				detail.isEmpty() ? null : this.json.writeValueAsString(detail) };
	}

	private static String cut(String value, int length) {
		if (value == null || value.length() <= length) {
			return value;
		}
		return value.substring(0, length - 1) + "…";
	}

}
