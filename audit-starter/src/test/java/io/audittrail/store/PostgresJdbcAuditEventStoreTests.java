package io.audittrail.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.audittrail.core.Action;
import io.audittrail.core.Actor;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.EntityRef;
import io.audittrail.core.Outcome;
import io.audittrail.core.RequestInfo;
import io.audittrail.testsupport.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many events written at once on PostgreSQL go as one statement over arrays: every value,
 * awkward text included, must arrive as a single-event write stores it, in the events'
 * order.
 */
class PostgresJdbcAuditEventStoreTests {

	private static JdbcTemplate jdbc;

	private static JdbcAuditEventStore store;

	@BeforeAll
	static void createDatabase() {
		Map<String, String> database = new LinkedHashMap<>();
		TestPostgres.register((name, value) -> database.put(name, String.valueOf(value.get())), "eventstore");
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(),
				database.get("spring.datasource.url"), database.get("spring.datasource.username"),
				database.get("spring.datasource.password"));
		new AuditSchemaInitializer(dataSource).afterPropertiesSet();
		jdbc = new JdbcTemplate(dataSource);
		store = new JdbcAuditEventStore(dataSource, new EventRows(JsonMapper.builder().build()),
				StoreDialect.of(dataSource), false);
	}

	@Test
	void manyEventsAreStoredInOrderWithTheValuesOfSingleWrites() {
		List<AuditEvent> events = events();
		for (AuditEvent event : events) {
			store.append(List.of(event));
		}
		List<Map<String, Object>> single = rows();
		jdbc.update("delete from audit_event");

		store.append(events);

		List<Map<String, Object>> many = rows();
		assertThat(many).hasSize(events.size()).isEqualTo(single);
		assertThat(many).extracting((row) -> row.get("entity_id"))
			.containsExactly(
					events.stream().map((event) -> (event.entity() != null) ? event.entity().id() : null).toArray());
	}

	private static List<Map<String, Object>> rows() {
		List<Map<String, Object>> rows = jdbc.queryForList("select * from audit_event order by id");
		rows.forEach((row) -> row.remove("id"));
		return rows;
	}

	private static List<AuditEvent> events() {
		String[] awkward = { "plain", "with \"quotes\"", "back\\slash", "{braces}", "comma, separated", "NULL", "",
				"naïve 日本語 ✓", "new\nline", "  padded  ", "'single'", "(parens)" };
		List<AuditEvent> events = new ArrayList<>();
		Instant now = Instant.parse("2026-03-01T10:15:30.123456789Z");
		for (int i = 0; i < awkward.length; i++) {
			String text = awkward[i];
			Map<String, String> details = new LinkedHashMap<>();
			details.put("note", text);
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("body", Map.of("field", text, "n", i));
			boolean even = i % 2 == 0;
			events.add(new AuditEvent(null, now.plusMillis(i), even ? "tenant " + text : null, "http.request", "http",
					Action.OTHER, even ? Outcome.SUCCESS : Outcome.FAILURE,
					even ? Actor.member("m-" + i, text + "@example.com") : Actor.anonymous(),
					even ? "10.0.0." + i : null, even ? new EntityRef("Article", String.valueOf(i), text) : null,
					even ? details : Map.of(), even ? null : "error " + text, "request-" + i, even ? (long) i : null,
					even ? new RequestInfo("POST", "/api/" + text, 200 + i, "Controller", "JWT", detail) : null));
		}
		return events;
	}

}
