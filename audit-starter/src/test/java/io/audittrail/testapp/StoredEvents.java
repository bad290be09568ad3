package io.audittrail.testapp;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads what the audit log holds, straight from its tables.
 */
public final class StoredEvents {

	private final JdbcTemplate jdbc;

	public StoredEvents(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Events of the entity, oldest first. */
	public List<Map<String, Object>> forEntity(Object entityId) {
		return this.jdbc.queryForList("select * from audit_event where entity_id = ? order by id",
				String.valueOf(entityId));
	}

	/** Events of the operation with the given entity name, oldest first. */
	public List<Map<String, Object>> named(String entityName) {
		return this.jdbc.queryForList("select * from audit_event where entity_name = ? order by id", entityName);
	}

	public long count() {
		return this.jdbc.queryForObject("select count(*) from audit_event", Long.class);
	}

	public Map<String, Object> revision(Object id) {
		return this.jdbc.queryForMap("select * from audit_revision where id = ?", ((Number) id).longValue());
	}

	public long auditRows(String table, Object revision) {
		return this.jdbc.queryForObject("select count(*) from " + table + " where rev = ?", Long.class,
				((Number) revision).longValue());
	}

	/**
	 * Makes the event table unwritable while the action runs, as a failing audit store
	 * would be.
	 */
	public void withBrokenStore(Runnable action) {
		this.jdbc.execute("alter table audit_event rename to audit_event_offline");
		try {
			action.run();
		}
		finally {
			this.jdbc.execute("alter table audit_event_offline rename to audit_event");
		}
	}

}
