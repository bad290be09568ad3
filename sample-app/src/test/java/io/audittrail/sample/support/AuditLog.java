package io.audittrail.sample.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the events the application stored, straight from the {@code audit_event} table.
 */
public final class AuditLog {

	private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	public AuditLog(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The id of the newest event, or 0. */
	public long lastId() {
		Long id = this.jdbc.queryForObject("select max(id) from audit_event", Long.class);
		return (id != null) ? id : 0;
	}

	/**
	 * The newest id once no entry has arrived for half a second: the entries of captured
	 * requests are written in the background, so those of earlier calls may still be
	 * arriving.
	 */
	public long settledLastId() {
		long[] last = { -1 };
		Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
			long now = lastId();
			boolean settled = now == last[0];
			last[0] = now;
			return settled;
		});
		return last[0];
	}

	/** The events stored after the given id, oldest first. */
	public List<StoredEvent> after(long id) {
		return this.jdbc.query("select * from audit_event where id > ? order by id", (rs, row) -> new StoredEvent(
				rs.getLong("id"), rs.getString("tenant"), rs.getString("operation"), rs.getString("target"),
				rs.getString("action"), rs.getString("outcome"), rs.getString("actor_type"), rs.getString("actor_id"),
				rs.getString("actor_name"), rs.getString("entity_type"), rs.getString("entity_id"),
				rs.getString("entity_name"),
				(rs.getString("details") != null) ? this.json.readValue(rs.getString("details"), DETAILS) : Map.of()),
				id);
	}

}
