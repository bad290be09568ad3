package io.audittrail.store;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionOperations;

import io.audittrail.core.AuditEvent;
import io.audittrail.core.TenantScope;

/**
 * Reads events from the {@code audit_event} table: newest first (by time, ties by id), in
 * keyset pages that the table's indexes serve (no offset, no count), one by id, or all of
 * a filter as a stream. Filter values are always bound as parameters. Thread-safe.
 */
@API(status = Status.INTERNAL, since = "0.2")
public final class EventQuery {

	private final JdbcTemplate jdbc;

	private final JdbcTemplate streaming;

	private final TransactionOperations readOnlyTransaction;

	private final EventRows mapping;

	private final RowMapper<AuditEvent> rows;

	/**
	 * @param dataSource the database
	 * @param readOnlyTransaction runs a stream in a transaction, which PostgreSQL needs
	 * to fetch rows in batches rather than all at once
	 * @param json reads the detail columns
	 */
	public EventQuery(DataSource dataSource, TransactionOperations readOnlyTransaction, JsonMapper json) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(1000);
		this.readOnlyTransaction = readOnlyTransaction;
		this.mapping = new EventRows(json);
		this.rows = (rs, row) -> this.mapping.event(rs);
	}

	/**
	 * One page of entries, newest first: by time, then by id.
	 * @param filter what to match
	 * @param scope the tenants the reader may see
	 * @param after only entries after this position, newest first, or {@code null} for
	 * the first page
	 * @param limit the page size
	 * @return the page; {@code next} is {@code null} on the last page
	 */
	public EventPage page(EventFilter filter, TenantScope scope, PagePosition after, int limit) {
		Where where = where(filter, scope);
		if (after != null) {
			// The first condition is the index's range; the second drops the page's own
			// instant up to its last id.
			OffsetDateTime occurredAt = OffsetDateTime.ofInstant(after.occurredAt(), ZoneOffset.UTC);
			where.and("occurred_at <= ?", occurredAt);
			where.and("(occurred_at < ? or id < ?)", occurredAt, after.id());
		}
		where.arguments.add(limit + 1);
		List<AuditEvent> items = this.jdbc.query("select " + EventRows.SELECT + " from audit_event e" + where.sql()
				+ where.newestFirst() + " fetch first ? rows only", this.rows, where.arguments.toArray());
		if (items.size() <= limit) {
			return new EventPage(items, null);
		}
		List<AuditEvent> page = List.copyOf(items.subList(0, limit));
		AuditEvent last = page.get(limit - 1);
		return new EventPage(page, new PagePosition(last.occurredAt(), last.id()));
	}

	/** The entry with the given id, if it exists and the scope includes its tenant. */
	public Optional<AuditEvent> find(long id, TenantScope scope) {
		return this.jdbc.query("select " + EventRows.SELECT + " from audit_event e where id = ?", this.rows, id)
			.stream()
			.filter((event) -> scope.includes(event.tenant()))
			.findFirst();
	}

	/** Every entry of one entity that the scope includes, oldest first. */
	public List<AuditEvent> forEntity(String entityType, String entityId, TenantScope scope) {
		Where where = where(EventFilter.none(), scope);
		where.and("entity_type = ?", entityType);
		where.and("entity_id = ?", entityId);
		return this.jdbc.query("select " + EventRows.SELECT + " from audit_event e" + where.sql() + " order by id",
				this.rows, where.arguments.toArray());
	}

	/** Every entry bound to one of the given revisions, oldest first. */
	public List<AuditEvent> forRevisions(List<Long> revisions, TenantScope scope) {
		List<AuditEvent> events = new ArrayList<>();
		for (int start = 0; start < revisions.size(); start += 1000) {
			Where where = where(EventFilter.none(), scope);
			where.in("revision_id", revisions.subList(start, Math.min(revisions.size(), start + 1000)));
			events.addAll(
					this.jdbc.query("select " + EventRows.SELECT + " from audit_event e" + where.sql() + " order by id",
							this.rows, where.arguments.toArray()));
		}
		events.sort(Comparator.comparing(AuditEvent::id));
		return events;
	}

	/**
	 * The revisions among the given ones that an entry outside the scope is bound to. A
	 * revision holds everything its transaction changed, in whichever tenant it acted, so
	 * its changes are the scope's to see only when none of them is.
	 */
	public Set<Long> revisionsSharedBeyond(List<Long> revisions, TenantScope scope) {
		Set<Long> shared = new HashSet<>();
		if (scope.everyTenant() && scope.system()) {
			return shared;
		}
		for (int start = 0; start < revisions.size(); start += 1000) {
			Where where = where(EventFilter.none(), TenantScope.everything());
			where.in("revision_id", revisions.subList(start, Math.min(revisions.size(), start + 1000)));
			// the revision and tenant of each entry only: the list asks this for every
			// page
			this.jdbc.query("select revision_id, tenant from audit_event e" + where.sql(), (ResultSet row) -> {
				if (!scope.includes(row.getString(2))) {
					shared.add(row.getLong(1));
				}
			}, where.arguments.toArray());
		}
		return shared;
	}

	/**
	 * Hands every matching entry to the consumer, newest first, reading rows in batches
	 * so that memory stays constant at any size.
	 */
	public void stream(EventFilter filter, TenantScope scope, Consumer<AuditEvent> consumer) {
		Where where = where(filter, scope);
		this.readOnlyTransaction.executeWithoutResult((status) -> this.streaming.query(
				"select " + EventRows.SELECT + " from audit_event e" + where.sql() + where.newestFirst(),
				(ResultSet rs) -> consumer.accept(this.mapping.event(rs)), where.arguments.toArray()));
	}

	private Where where(EventFilter filter, TenantScope scope) {
		Where where = new Where();
		if (filter.tenant() != null) {
			// One tenant asked for: the scope is checked here, so the database sees a
			// single equality.
			if (!scope.includes(filter.tenant())) {
				where.and("1 = 0");
			}
		}
		else if (!scope.everyTenant()) {
			if (scope.tenants().isEmpty()) {
				where.and(scope.system() ? "tenant is null" : "1 = 0");
			}
			else if (scope.tenants().size() == 1 && !scope.system()) {
				where.equal("tenant", scope.tenants().iterator().next());
			}
			else {
				StringBuilder condition = new StringBuilder("tenant in (");
				List<String> tenants = scope.tenants().stream().sorted().toList();
				for (int i = 0; i < tenants.size(); i++) {
					condition.append((i > 0) ? ", ?" : "?");
				}
				condition.append(')');
				where.or(condition.toString(), scope.system() ? "tenant is null" : null, tenants);
			}
		}
		else if (!scope.system()) {
			where.and("tenant is not null");
		}
		if (filter.from() != null) {
			where.and("occurred_at >= ?", OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
		}
		if (filter.to() != null) {
			where.and("occurred_at <= ?", OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
		}
		if (filter.actor() != null) {
			// part of an email or key name, in any case; an id only whole
			where.and("(lower(actor_name) like ? escape '\\' or actor_id = ?)",
					contains(filter.actor().toLowerCase(Locale.ROOT)), filter.actor());
		}
		if (filter.actorType() != null) {
			where.and("actor_type = ?", filter.actorType().name());
		}
		if (filter.action() != null) {
			where.and("action = ?", filter.action().name());
		}
		if (filter.operation() != null) {
			where.equal("operation", filter.operation());
		}
		if (filter.entityType() != null) {
			where.equal("entity_type", filter.entityType());
		}
		if (filter.entityId() != null) {
			where.equal("entity_id", filter.entityId());
		}
		if (filter.tenant() != null) {
			where.equal("tenant", filter.tenant());
		}
		if (filter.path() != null) {
			where.and("http_path like ? escape '\\'", contains(filter.path()));
		}
		if (filter.q() != null) {
			String pattern = contains(filter.q().toLowerCase(Locale.ROOT));
			where.and(
					"(lower(actor_name) like ? escape '\\' or lower(actor_id) like ? escape '\\'"
							+ " or lower(entity_name) like ? escape '\\' or lower(entity_id) like ? escape '\\'"
							+ " or lower(tenant) like ? escape '\\' or lower(http_path) like ? escape '\\'"
							+ " or lower(operation) like ? escape '\\')",
					pattern, pattern, pattern, pattern, pattern, pattern, pattern);
		}
		if (filter.method() != null) {
			where.and("http_method = ?", filter.method());
		}
		if (filter.status() != null) {
			where.and(EventRows.STATUS + " = ?", filter.status());
		}
		if (filter.authType() != null) {
			where.and("http_auth_type = ?", filter.authType());
		}
		if (filter.traceId() != null) {
			where.and("trace_id = ?", filter.traceId());
		}
		return where;
	}

	private static String contains(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/**
	 * A page of entries.
	 *
	 * @param items the entries, newest first
	 * @param next the position the next page starts after, or {@code null} on the last
	 * page
	 */
	public record EventPage(List<AuditEvent> items, PagePosition next) {

	}

	private static final class Where {

		private final List<String> conditions = new ArrayList<>();

		private final List<Object> arguments = new ArrayList<>();

		private final Set<String> equalities = new HashSet<>();

		void and(String condition, Object... values) {
			this.conditions.add(condition);
			this.arguments.addAll(List.of(values));
		}

		void equal(String column, Object value) {
			and(column + " = ?", value);
			this.equalities.add(column);
		}

		/**
		 * Newest first by time, ties by id, spelled so that the index matching the
		 * equalities serves the order: the leading columns are constant, so they do not
		 * change it, but without them H2 sorts instead of reading its index backwards
		 * (PostgreSQL drops them).
		 */
		String newestFirst() {
			if (this.equalities.contains("entity_type") && this.equalities.contains("entity_id")) {
				return " order by entity_type desc, entity_id desc, occurred_at desc, id desc";
			}
			if (this.equalities.contains("tenant") && this.equalities.contains("operation")) {
				return " order by tenant desc, operation desc, occurred_at desc, id desc";
			}
			if (this.equalities.contains("tenant")) {
				return " order by tenant desc, occurred_at desc, id desc";
			}
			return " order by occurred_at desc, id desc";
		}

		void or(String condition, String alternative, List<?> values) {
			this.conditions.add((alternative != null) ? "(" + condition + " or " + alternative + ")" : condition);
			this.arguments.addAll(values);
		}

		void in(String column, List<?> values) {
			this.conditions.add(column + " in (" + String.join(", ", values.stream().map((v) -> "?").toList()) + ")");
			this.arguments.addAll(values);
		}

		String sql() {
			return this.conditions.isEmpty() ? "" : " where " + String.join(" and ", this.conditions);
		}

	}

}
