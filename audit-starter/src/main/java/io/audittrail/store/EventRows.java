package io.audittrail.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.audittrail.core.Action;
import io.audittrail.core.Actor;
import io.audittrail.core.ActorType;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.EntityRef;
import io.audittrail.core.Outcome;
import io.audittrail.core.RequestInfo;
import io.audittrail.core.TraceContext;

/**
 * The one mapping of the {@code audit_event} row: its columns, how an event is written
 * into them (values longer than their column are cut, so that an over-long name never
 * fails a business call), and how a row is read back, as stored ({@link EventRow}) or as
 * an {@link AuditEvent}. Thread-safe.
 */
final class EventRows {

	/**
	 * A written column: its name, JDBC type, SQL array element type and longest value.
	 */
	private record Column(String name, int type, String arrayType, int length) {
	}

	private static final Column[] WRITTEN = { new Column("occurred_at", Types.OTHER, "varchar", 0), text("tenant", 255),
			text("operation", 128), text("target", 64), text("action", 16), text("outcome", 16), text("actor_type", 16),
			text("actor_id", 255), text("actor_name", 255), text("ip", 64), text("entity_type", 128),
			text("entity_id", 255), text("entity_name", 512), new Column("details", Types.VARCHAR, "text", 0),
			text("error", 512), text("request_id", 64), new Column("revision_id", Types.BIGINT, "int8", 0),
			text("http_method", 16), text("http_path", 2048), new Column("http_status", Types.INTEGER, "int4", 0),
			text("http_resource", 255), text("http_auth_type", 16), new Column("http_detail", Types.VARCHAR, "text", 0),
			text("trace_id", 32), text("span_id", 16) };

	private static final String NAMES = Arrays.stream(WRITTEN).map(Column::name).collect(Collectors.joining(", "));

	/**
	 * The status of an event: recorded with it, or inserted once its request completed.
	 */
	static final String STATUS = "coalesce(e.http_status, (select st.status from audit_request_status st "
			+ "where st.event_id = e.id))";

	/**
	 * The select list of a row, for a query over {@code audit_event e}, read by
	 * {@link #row}.
	 */
	static final String SELECT = "e.id, " + Arrays.stream(WRITTEN)
		.map((column) -> column.name().equals("http_status") ? STATUS : "e." + column.name())
		.collect(Collectors.joining(", "));

	/**
	 * The select list of a row with its status as stored with the event, read by
	 * {@link #row(ResultSet, int, Map)} with the statuses of {@code audit_request_status}
	 * read apart: for reads of many rows, where the status subquery per row costs more
	 * than the rows.
	 */
	static final String SELECT_STORED = "e.id, "
			+ Arrays.stream(WRITTEN).map((column) -> "e." + column.name()).collect(Collectors.joining(", "));

	/** How many columns {@link #SELECT} lists. */
	static final int SELECTED = WRITTEN.length + 1;

	/** The insert of one event. */
	static final String INSERT = "insert into audit_event (" + NAMES + ") values ("
			+ Arrays.stream(WRITTEN).map((column) -> "?").collect(Collectors.joining(", ")) + ")";

	/** The insert of many events from one array per column, in the arrays' order. */
	static final String INSERT_FROM_ARRAYS = "insert into audit_event (" + NAMES + ") select "
			+ NAMES.replace("occurred_at,", "occurred_at::timestamptz,") + " from unnest("
			+ Arrays.stream(WRITTEN)
				.map((column) -> "?::" + column.arrayType() + "[]")
				.collect(Collectors.joining(", "))
			+ ") with ordinality as v(" + NAMES + ", position) order by position";

	static final String[] ARRAY_TYPES = Arrays.stream(WRITTEN).map(Column::arrayType).toArray(String[]::new);

	private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {
	};

	private static final TypeReference<LinkedHashMap<String, Object>> REQUEST_DETAIL = new TypeReference<>() {
	};

	private final JsonMapper json;

	EventRows(JsonMapper json) {
		this.json = json;
	}

	private static Column text(String name, int length) {
		return new Column(name, Types.VARCHAR, "varchar", length);
	}

	/** Binds the values of {@link #INSERT}. */
	void bind(PreparedStatement statement, AuditEvent event) throws SQLException {
		Object[] values = values(event);
		// the driver maps an OffsetDateTime to a timestamp with time zone by itself
		statement.setObject(1, values[0]);
		for (int i = 1; i < values.length; i++) {
			statement.setObject(i + 1, values[i], WRITTEN[i].type());
		}
	}

	/**
	 * The columns of {@link #INSERT_FROM_ARRAYS}, one array per column, for the given
	 * events.
	 */
	Object[][] columns(List<AuditEvent> events) {
		Object[][] columns = new Object[WRITTEN.length][events.size()];
		for (int i = 0; i < events.size(); i++) {
			Object[] values = values(events.get(i));
			for (int column = 0; column < WRITTEN.length; column++) {
				columns[column][i] = values[column];
			}
			// occurred_at goes as ISO text, which PostgreSQL reads with its offset
			columns[0][i] = values[0].toString();
		}
		return columns;
	}

	/**
	 * The values written for an event, in the order of the columns, cut to their lengths.
	 */
	private Object[] values(AuditEvent event) {
		RequestInfo request = event.request();
		Map<String, Object> detail = (request != null) ? request.detail() : Map.of();
		TraceContext trace = event.trace();
		Object[] values = { OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC), event.tenant(),
				event.operation(), event.target(), event.action().name(), event.outcome().name(),
				event.actor().type().name(), event.actor().id(), event.actor().name(), event.ip(),
				(event.entity() != null) ? event.entity().type() : null,
				(event.entity() != null) ? event.entity().id() : null,
				(event.entity() != null) ? event.entity().name() : null,
				event.details().isEmpty() ? null : this.json.writeValueAsString(event.details()), event.error(),
				event.requestId(), event.revision(), (request != null) ? request.method() : null,
				(request != null) ? request.path() : null, (request != null) ? request.status() : null,
				(request != null) ? request.resource() : null, (request != null) ? request.authType() : null,
				detail.isEmpty() ? null : this.json.writeValueAsString(detail),
				(trace != null) ? trace.traceId() : null, (trace != null) ? trace.spanId() : null };
		for (int i = 0; i < values.length; i++) {
			if (WRITTEN[i].length() > 0) {
				values[i] = cut((String) values[i], WRITTEN[i].length());
			}
		}
		return values;
	}

	private static String cut(String value, int length) {
		if (value == null || value.length() <= length) {
			return value;
		}
		return value.substring(0, length - 1) + "…";
	}

	/**
	 * The event of a row of {@link #SELECT} as stored, read by position (cheaper than a
	 * look-up by name per cell) from the given column on.
	 */
	static EventRow row(ResultSet rs, int first) throws SQLException {
		return row(rs, first, Map.of());
	}

	/**
	 * A row of {@link #SELECT_STORED}, from its {@code first} column: its status as
	 * stored with the event, else the one in {@code lateStatuses} (from
	 * {@code audit_request_status}, by event id).
	 */
	static EventRow row(ResultSet rs, int first, Map<Long, Integer> lateStatuses) throws SQLException {
		int at = first - 1;
		long id = rs.getLong(at + 1);
		long revision = rs.getLong(at + 18);
		Long revisionId = rs.wasNull() ? null : revision;
		int status = rs.getInt(at + 21);
		Integer httpStatus = rs.wasNull() ? lateStatuses.get(id) : Integer.valueOf(status);
		return new EventRow(id, rs.getObject(at + 2, OffsetDateTime.class), rs.getString(at + 3), rs.getString(at + 4),
				rs.getString(at + 5), rs.getString(at + 6), rs.getString(at + 7), rs.getString(at + 8),
				rs.getString(at + 9), rs.getString(at + 10), rs.getString(at + 11), rs.getString(at + 12),
				rs.getString(at + 13), rs.getString(at + 14), rs.getString(at + 15), rs.getString(at + 16),
				rs.getString(at + 17), revisionId, rs.getString(at + 19), rs.getString(at + 20), httpStatus,
				rs.getString(at + 22), rs.getString(at + 23), rs.getString(at + 24), rs.getString(at + 25),
				rs.getString(at + 26));
	}

	/** The event of a row of {@link #SELECT}, from its first column. */
	AuditEvent event(ResultSet rs) throws SQLException {
		return event(row(rs, 1));
	}

	/** The event a stored row holds, with its details parsed. */
	AuditEvent event(EventRow row) {
		EntityRef entity = (row.entityType() != null || row.entityId() != null || row.entityName() != null)
				? new EntityRef(row.entityType(), row.entityId(), row.entityName()) : null;
		RequestInfo request = null;
		if (row.httpMethod() != null) {
			request = new RequestInfo(row.httpMethod(), row.httpPath(), row.httpStatus(), row.httpResource(),
					row.httpAuthType(),
					(row.httpDetail() != null) ? this.json.readValue(row.httpDetail(), REQUEST_DETAIL) : Map.of());
		}
		TraceContext trace = (row.traceId() != null) ? new TraceContext(row.traceId(), row.spanId()) : null;
		return new AuditEvent(row.id(), row.occurredAt().toInstant(), row.tenant(), row.operation(), row.target(),
				Action.valueOf(row.action()), Outcome.valueOf(row.outcome()),
				new Actor(ActorType.valueOf(row.actorType()), row.actorId(), row.actorName()), row.ip(), entity,
				(row.details() != null) ? this.json.readValue(row.details(), DETAILS) : Map.of(), row.error(),
				row.requestId(), row.revisionId(), request, trace);
	}

}
