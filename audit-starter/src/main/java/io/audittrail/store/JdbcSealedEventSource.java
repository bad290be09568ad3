package io.audittrail.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

import io.audittrail.core.Action;
import io.audittrail.core.Actor;
import io.audittrail.core.ActorType;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.EntityRef;
import io.audittrail.core.Outcome;
import io.audittrail.core.RequestInfo;
import io.audittrail.stream.SealedEvent;
import io.audittrail.stream.SealedEventSource;

/**
 * Reads sealed events from the {@code audit_event} rows the sealer linked, and the chains from
 * their heads. A chain's head and its events' positions commit together, so every position up to
 * the head's is readable. Thread-safe.
 */
public final class JdbcSealedEventSource implements SealedEventSource {

	static final String CHAINS = """
			select chain_key, tenant, seq from audit_chain_head where seq > 0 order by chain_key""";

	static final String COLUMNS = """
			id, occurred_at, tenant, operation, target, action, outcome, actor_type, actor_id, actor_name, ip, \
			entity_type, entity_id, entity_name, details, error, request_id, revision_id, http_method, http_path, \
			http_status, http_resource, http_auth_type, http_detail, chain_seq, prev_hash, hash""";

	static final String TENANT_EVENTS_AFTER = "select " + COLUMNS
			+ " from audit_event where tenant = ? and chain_seq > ? order by chain_seq limit ?";

	static final String SYSTEM_EVENTS_AFTER = "select " + COLUMNS
			+ " from audit_event where tenant is null and chain_seq > ? order by chain_seq limit ?";

	private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {
	};

	private static final TypeReference<LinkedHashMap<String, Object>> REQUEST_DETAIL = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	/**
	 * @param dataSource the database of the audit log
	 * @param json reads the detail columns
	 */
	public JdbcSealedEventSource(DataSource dataSource, JsonMapper json) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.json = json;
	}

	@Override
	public List<Chain> chains() {
		return this.jdbc.query(CHAINS, (row, index) -> new Chain(row.getString(1), row.getString(2), row.getLong(3)));
	}

	@Override
	public List<SealedEvent> after(Chain chain, long position, int limit) {
		if (chain.tenant() == null) {
			return this.jdbc.query(SYSTEM_EVENTS_AFTER, (row, index) -> sealed(chain.key(), row), position, limit);
		}
		return this.jdbc.query(TENANT_EVENTS_AFTER, (row, index) -> sealed(chain.key(), row), chain.tenant(),
				position, limit);
	}

	/** One sealed event from a row of {@link #COLUMNS}, read by position. */
	private SealedEvent sealed(String chainKey, ResultSet rs) throws SQLException {
		String entityType = rs.getString(12);
		String entityId = rs.getString(13);
		String entityName = rs.getString(14);
		EntityRef entity = (entityType != null || entityId != null || entityName != null)
				? new EntityRef(entityType, entityId, entityName) : null;
		String details = rs.getString(15);
		String method = rs.getString(19);
		RequestInfo request = null;
		if (method != null) {
			Object status = rs.getObject(21);
			String detail = rs.getString(24);
			request = new RequestInfo(method, rs.getString(20), (status != null) ? ((Number) status).intValue() : null,
					rs.getString(22), rs.getString(23),
					(detail != null) ? this.json.readValue(detail, REQUEST_DETAIL) : Map.of());
		}
		long revision = rs.getLong(18);
		Long revisionId = rs.wasNull() ? null : revision;
		AuditEvent event = new AuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
				rs.getString(4), rs.getString(5), Action.valueOf(rs.getString(6)), Outcome.valueOf(rs.getString(7)),
				new Actor(ActorType.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10)), rs.getString(11),
				entity, (details != null) ? this.json.readValue(details, DETAILS) : Map.of(), rs.getString(16),
				rs.getString(17), revisionId, request);
		// the trace is not stored yet: events carry none
		return new SealedEvent(chainKey, event, rs.getLong(25), rs.getString(26), rs.getString(27), null);
	}

}
