package io.audittrail.testapp;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes and reads audit rows straight in their tables, fast, with JDBC batches: events
 * as the store writes them and Envers revisions with their {@code article_aud} rows.
 */
public final class AuditRows {

	private static final int BATCH = 1000;

	/** Revision ids far above those Hibernate allocates in the tests. */
	private static final AtomicLong nextRevision = new AtomicLong(1_000_000_000L);

	private final JdbcTemplate jdbc;

	public AuditRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts events of the tenant that occurred at the given time, without revisions.
	 */
	public void events(String tenant, int count, Instant occurredAt) {
		List<Object[]> rows = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			rows.add(new Object[] { OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC), tenant, "content.update",
					"content", "UPDATE", "SUCCESS", "MEMBER", "m-" + i, "editor@demo.test", "Article",
					Integer.toString(i), "Article " + i, "{\"content_id\":\"" + i + "\"}", null });
		}
		insertEvents(rows);
	}

	/**
	 * Inserts events of the tenant that occurred at the given time, each with a revision
	 * of its own that changed one article.
	 */
	public void eventsWithRevisions(String tenant, int count, Instant occurredAt) {
		List<Object[]> revisions = new ArrayList<>(count);
		List<Object[]> articles = new ArrayList<>(count);
		List<Object[]> events = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long revision = nextRevision.incrementAndGet();
			revisions.add(new Object[] { revision, occurredAt.toEpochMilli(), tenant });
			articles.add(new Object[] { revision, revision, "Article " + i });
			events.add(new Object[] { OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC), tenant, "content.update",
					"content", "UPDATE", "SUCCESS", "MEMBER", "m-" + i, "editor@demo.test", "Article",
					Long.toString(revision), "Article " + i, "{\"content_id\":\"" + revision + "\"}", revision });
		}
		this.jdbc.batchUpdate(
				"insert into audit_revision (id, rev_timestamp, actor_type, actor_name, tenant, entity_types) "
						+ "values (?, ?, 'MEMBER', 'editor@demo.test', ?, 'Article')",
				revisions, BATCH, (statement, row) -> {
					statement.setLong(1, (Long) row[0]);
					statement.setLong(2, (Long) row[1]);
					statement.setString(3, (String) row[2]);
				});
		this.jdbc.batchUpdate("insert into article_aud (id, rev, revtype, title, status) values (?, ?, 1, ?, 'DRAFT')",
				articles, BATCH, (statement, row) -> {
					statement.setLong(1, (Long) row[0]);
					statement.setLong(2, (Long) row[1]);
					statement.setString(3, (String) row[2]);
				});
		insertEvents(events);
	}

	private void insertEvents(List<Object[]> rows) {
		this.jdbc.batchUpdate("insert into audit_event (occurred_at, tenant, operation, target, action, outcome, "
				+ "actor_type, actor_id, actor_name, entity_type, entity_id, entity_name, details, revision_id) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, BATCH, (statement, row) -> {
					for (int i = 0; i < row.length; i++) {
						statement.setObject(i + 1, row[i]);
					}
				});
	}

	/** Ids of the tenant's events in chain order, unsealed ones last. */
	public List<Long> ids(String tenant) {
		return this.jdbc.queryForList("select e.id from audit_event e left join audit_seal s on s.event_id = e.id "
				+ "where e.tenant = ? order by case when s.position is null then 1 else 0 end, s.position, e.id",
				Long.class, tenant);
	}

	public long count(String tenant) {
		return this.jdbc.queryForObject("select count(*) from audit_event where tenant = ?", Long.class, tenant);
	}

	public long revisions(String tenant) {
		return this.jdbc.queryForObject("select count(*) from audit_revision where tenant = ?", Long.class, tenant);
	}

	/** Rows of {@code article_aud} of the tenant's revisions. */
	public long articleHistory(String tenant) {
		return this.jdbc.queryForObject(
				"select count(*) from article_aud a join audit_revision r on r.id = a.rev " + "where r.tenant = ?",
				Long.class, tenant);
	}

	/** Rows of {@code article_aud} whose revision no longer exists. */
	public long orphanedArticleHistory() {
		return this.jdbc.queryForObject("select count(*) from article_aud a where not exists "
				+ "(select 1 from audit_revision r where r.id = a.rev)", Long.class);
	}

	/**
	 * Exchanges everything but the id and the chain's columns of two events, as a forger
	 * might.
	 */
	public void swapContents(long first, long second) {
		String columns = "occurred_at, tenant, operation, target, action, outcome, actor_type, actor_id, actor_name, "
				+ "ip, entity_type, entity_id, entity_name, details, error, request_id, revision_id";
		Map<String, Object> a = this.jdbc.queryForMap("select " + columns + " from audit_event where id = ?", first);
		Map<String, Object> b = this.jdbc.queryForMap("select " + columns + " from audit_event where id = ?", second);
		String assignments = String.join(" = ?, ", columns.split(", ")) + " = ?";
		this.jdbc.update("update audit_event set " + assignments + " where id = ?", values(b, first));
		this.jdbc.update("update audit_event set " + assignments + " where id = ?", values(a, second));
	}

	private static Object[] values(Map<String, Object> row, long id) {
		List<Object> values = new ArrayList<>(row.values());
		values.add(id);
		return values.toArray();
	}

}
