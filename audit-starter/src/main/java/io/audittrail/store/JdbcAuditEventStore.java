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
 * Stores events in the {@code audit_event} table with one statement or JDBC batch per write, through the
 * current transaction's connection. Values longer than their column are cut, so that an
 * over-long name never fails a business call.
 */
public final class JdbcAuditEventStore implements AuditEventStore {

	static final String INSERT = "insert into audit_event (occurred_at, tenant, operation, target, action, outcome, "
			+ "actor_type, actor_id, actor_name, ip, entity_type, entity_id, entity_name, details, error, request_id, "
			+ "revision_id, http_method, http_path, http_status, http_resource, http_auth_type, http_detail) "
			+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final boolean isolateFailures;

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
		else {
			this.jdbc.batchUpdate(INSERT, events, events.size(), this::bind);
		}
	}

	private void bind(PreparedStatement statement, AuditEvent event) throws SQLException {
		statement.setObject(1, OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC));
		statement.setString(2, cut(event.tenant(), 255));
		statement.setString(3, cut(event.operation(), 128));
		statement.setString(4, cut(event.target(), 64));
		statement.setString(5, event.action().name());
		statement.setString(6, event.outcome().name());
		statement.setString(7, event.actor().type().name());
		statement.setString(8, cut(event.actor().id(), 255));
		statement.setString(9, cut(event.actor().name(), 255));
		statement.setString(10, cut(event.ip(), 64));
		statement.setString(11, (event.entity() != null) ? cut(event.entity().type(), 128) : null);
		statement.setString(12, (event.entity() != null) ? cut(event.entity().id(), 255) : null);
		statement.setString(13, (event.entity() != null) ? cut(event.entity().name(), 512) : null);
		statement.setString(14, event.details().isEmpty() ? null : this.json.writeValueAsString(event.details()));
		statement.setString(15, cut(event.error(), 512));
		statement.setString(16, cut(event.requestId(), 64));
		if (event.revision() != null) {
			statement.setLong(17, event.revision());
		}
		else {
			statement.setNull(17, Types.BIGINT);
		}
		RequestInfo request = event.request();
		statement.setString(18, (request != null) ? cut(request.method(), 16) : null);
		statement.setString(19, (request != null) ? cut(request.path(), 2048) : null);
		if (request != null && request.status() != null) {
			statement.setInt(20, request.status());
		}
		else {
			statement.setNull(20, Types.INTEGER);
		}
		statement.setString(21, (request != null) ? cut(request.resource(), 255) : null);
		statement.setString(22, (request != null) ? cut(request.authType(), 16) : null);
		Map<String, Object> detail = (request != null) ? request.detail() : Map.of();
		statement.setString(23, detail.isEmpty() ? null : this.json.writeValueAsString(detail));
	}

	private static String cut(String value, int length) {
		if (value == null || value.length() <= length) {
			return value;
		}
		return value.substring(0, length - 1) + "…";
	}

}
