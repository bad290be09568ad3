package io.audittrail.web;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.audittrail.testapp.QueryPlans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * What a reader of the audit log's JSON API sees: the list with its filters and pages,
 * bad input, and access rules, on each supported database. Each test works in tenants of
 * its own.
 */
abstract class AuditApiIntegrationTests extends StarterOperationsIntegrationTests {

	@Test
	void listIsNewestFirstInTheContractShape() throws Exception {
		insertEvents(this.tenant, 3, "content.update", "editor@demo.test");

		JsonNode page = read(get("/audit/api/events").param("tenant", this.tenant), reader());

		assertThat(page.propertyNames()).containsExactly("items", "next");
		assertThat(page.get("next").isNull()).isTrue();
		List<Long> ids = ids(page);
		assertThat(ids).hasSize(3).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		JsonNode item = page.get("items").get(0);
		assertThat(item.propertyNames()).containsExactly("id", "occurredAt", "tenant", "operation", "operationLabel",
				"target", "action", "outcome", "actor", "ip", "entity", "details", "request", "revision", "trace");
		assertThat(item.get("operationLabel").asString()).isEqualTo("Content: Update");
		assertThat(item.get("actor").propertyNames()).containsExactly("type", "id", "name");
		assertThat(item.get("actor").get("name").asString()).isEqualTo("editor@demo.test");
		assertThat(item.get("entity").propertyNames()).containsExactly("type", "id", "name");
		assertThat(item.get("details").get("content_id").asString()).isNotEmpty();
		assertThat(item.get("request").isNull()).isTrue();
		assertThat(item.get("revision").isNull()).isTrue();
		assertThat(item.get("trace").isNull()).isTrue();
	}

	@Test
	void entriesOfOneTraceAreFoundByItsId() throws Exception {
		insertEvents(this.tenant, 2, "content.update", "editor@demo.test");
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		this.jdbc
			.update("insert into audit_event (occurred_at, tenant, operation, target, action, outcome, actor_type, "
					+ "actor_name, trace_id, span_id) values (?, ?, 'content.update', 'content', 'UPDATE', 'SUCCESS', "
					+ "'MEMBER', 'editor@demo.test', ?, '00f067aa0ba902b7')", Timestamp.from(Instant.now()),
					this.tenant, traceId);

		JsonNode page = read(get("/audit/api/events").param("tenant", this.tenant).param("traceId", traceId), reader());

		assertThat(page.get("items")).hasSize(1);
		JsonNode trace = page.get("items").get(0).get("trace");
		assertThat(trace.propertyNames()).containsExactly("traceId", "spanId");
		assertThat(trace.get("traceId").asString()).isEqualTo(traceId);
		assertThat(trace.get("spanId").asString()).isEqualTo("00f067aa0ba902b7");
		assertThat(read(get("/audit/api/events").param("tenant", this.tenant), reader()).get("items")).hasSize(3);
	}

	@Test
	void labelsFollowAcceptLanguage() throws Exception {
		insertEvents(this.tenant, 1, "content.update", "editor@demo.test");

		JsonNode page = read(get("/audit/api/events").param("tenant", this.tenant)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "ja-JP,ja;q=0.9"), reader());

		assertThat(page.get("items").get(0).get("operationLabel").asString()).isEqualTo("コンテンツ: 更新");
	}

	@Test
	void filtersCombine() throws Exception {
		Instant base = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		insert(this.tenant, base, "content.update", "UPDATE", "MEMBER", "m-1", "editor@demo.test", "Article", "1",
				"First title", null, null, null);
		insert(this.tenant, base.plusSeconds(60), "content.delete", "DELETE", "MEMBER", "m-1", "editor@demo.test",
				"Article", "1", "First title", null, null, null);
		insert(this.tenant, base.plusSeconds(120), "content.update", "UPDATE", "API_KEY", "k-9", "Import key",
				"Article", "2", "Second title", "PATCH", "/api/v1/news/2", 200);
		insert(this.tenant, base.plusSeconds(180), "content.update", "UPDATE", "MEMBER", "m-2", "admin@demo.test",
				"Article", "3", "Third 100%_done", "POST", "/api/v1/blog", 201);
		insert("other-" + this.tenant, base.plusSeconds(60), "content.update", "UPDATE", "MEMBER", "m-1",
				"editor@demo.test", "Article", "1", "First title", null, null, null);

		assertThat(entityIds(query("actor", "editor@demo.test", "action", "UPDATE"))).containsExactly("1");
		assertThat(entityIds(query("actor", "m-1"))).containsExactly("1", "1");
		assertThat(entityIds(query("actorType", "api_key"))).containsExactly("2");
		assertThat(entityIds(query("operation", "content.update", "entityType", "Article", "entityId", "3")))
			.containsExactly("3");
		assertThat(entityIds(query("path", "/api/v1/", "method", "patch", "status", "200"))).containsExactly("2");
		assertThat(entityIds(query("q", "100%_"))).containsExactly("3");
		assertThat(entityIds(query("q", "IMPORT"))).containsExactly("2");
		assertThat(entityIds(query("from", base.plusSeconds(60).toString(), "to", base.plusSeconds(120).toString())))
			.containsExactly("2", "1");
		assertThat(entityIds(query("from", base.plusSeconds(181).toString()))).isEmpty();
	}

	@Test
	void pagingReturnsEveryEntryOnceInOrderWhileNewEntriesArrive() throws Exception {
		insertEvents(this.tenant, 10_000, "content.update", "editor@demo.test");
		List<Long> expected = this.jdbc.queryForList(
				"select id from audit_event where tenant = ? order by occurred_at desc, id desc", Long.class,
				this.tenant);

		List<Long> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			MockHttpServletRequestBuilder request = get("/audit/api/events").param("tenant", this.tenant)
				.param("limit", "500");
			if (cursor != null) {
				request.param("cursor", cursor);
			}
			JsonNode page = read(request, reader());
			seen.addAll(ids(page));
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
			insertEvents(this.tenant, 7, "content.create", "editor@demo.test");
			pages++;
		}
		while (cursor != null);

		assertThat(pages).isEqualTo(20);
		assertThat(seen).hasSize(10_000).doesNotHaveDuplicates().isEqualTo(expected);
	}

	/**
	 * Entries written late (as the HTTP capture's background writer does: an id taken
	 * after entries of requests that started later) take their place by time, and pages
	 * that cut through one instant neither skip nor repeat an entry.
	 */
	@Test
	void pagesAreNewestFirstByTimeWithLateWrittenEntriesInTheirPlace() throws Exception {
		Instant base = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		List<String> expected = new ArrayList<>();
		for (int second = 0; second < 12; second++) {
			// three entries per instant: every page of five cuts through one
			for (int i = 0; i < 3; i++) {
				String entity = second + "-" + i;
				insert(this.tenant, base.plusSeconds(second).plusNanos(123_000), "content.update", "UPDATE", "MEMBER",
						"m-1", "editor@demo.test", "Article", entity, entity, null, null, null);
			}
		}
		for (int second = 0; second < 12; second += 4) {
			insert(this.tenant, base.plusSeconds(second).plusNanos(123_000), "http.request", "OTHER", "MEMBER", "m-1",
					"editor@demo.test", "Article", second + "-late", null, "POST", "/api/v1/news", 201);
		}
		for (int second = 11; second >= 0; second--) {
			if (second % 4 == 0) {
				expected.add(second + "-late");
			}
			for (int i = 2; i >= 0; i--) {
				expected.add(second + "-" + i);
			}
		}

		List<String> seen = new ArrayList<>();
		List<Instant> times = new ArrayList<>();
		String cursor = null;
		do {
			MockHttpServletRequestBuilder request = get("/audit/api/events").param("tenant", this.tenant)
				.param("limit", "5");
			if (cursor != null) {
				request.param("cursor", cursor);
			}
			JsonNode page = read(request, reader());
			page.get("items").forEach((item) -> {
				seen.add(item.get("entity").get("id").asString());
				times.add(Instant.parse(item.get("occurredAt").asString()));
			});
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (cursor != null);

		assertThat(seen).doesNotHaveDuplicates().isEqualTo(expected);
		assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(entityIds(query("operation", "http.request"))).containsExactly("8-late", "4-late", "0-late");
	}

	/**
	 * The first page with two filters, and the pages after it, are read from an index in
	 * order, with no sort.
	 */
	@Test
	void pagesWithTwoFiltersAreIndexScansInOrder() {
		// the list reads columns that no index holds, as EventQuery does
		String firstPage = "select id, details from audit_event where tenant = ? and operation = ?"
				+ " order by tenant desc, operation desc, occurred_at desc, id desc fetch first ? rows only";
		String nextPage = "select id, details from audit_event where tenant = ? and operation = ?"
				+ " and occurred_at <= ? and (occurred_at < ? or id < ?)"
				+ " order by tenant desc, operation desc, occurred_at desc, id desc fetch first ? rows only";
		String listWithoutFilter = "select id, details from audit_event where tenant is not null"
				+ " order by occurred_at desc, id desc fetch first ? rows only";
		if (isH2()) {
			Timestamp at = Timestamp.from(Instant.now());
			assertThat(h2Plan(firstPage, "t", "content.update", 51)).contains("AUDIT_EVENT_OPERATION")
				.contains("index sorted");
			assertThat(h2Plan(nextPage, "t", "content.update", at, at, 1L, 51)).contains("AUDIT_EVENT_OPERATION")
				.contains("OCCURRED_AT <=")
				.contains("index sorted");
			assertThat(h2Plan(listWithoutFilter, 51)).contains("AUDIT_EVENT_TIME").contains("index sorted");
		}
		else {
			// statistics left by another test's bulk insert and delete would mislead the
			// planner
			this.jdbc.execute("analyze audit_event");
			assertThat(
					postgresPlan(
							"prepare first_page(varchar, varchar, integer) as "
									+ firstPage.replace("tenant = ?", "tenant = $1")
										.replace("operation = ?", "operation = $2")
										.replace("fetch first ?", "fetch first $3"),
							"execute first_page('t', 'content.update', 51)"))
				.contains("Index Scan Backward using audit_event_operation")
				.doesNotContain("Sort");
			assertThat(postgresPlan("prepare next_page(varchar, varchar, timestamptz, bigint, integer) as "
					+ "select id, details from audit_event where tenant = $1 and operation = $2 and occurred_at <= $3"
					+ " and (occurred_at < $3 or id < $4)"
					+ " order by tenant desc, operation desc, occurred_at desc, id desc fetch first $5 rows only",
					"execute next_page('t', 'content.update', now(), 1, 51)"))
				.contains("Index Scan Backward using audit_event_operation")
				.contains("occurred_at <= $3")
				.doesNotContain("Sort");
			assertThat(postgresPlan("prepare whole_list(integer) as " + listWithoutFilter.replace("?", "$1"),
					"execute whole_list(51)"))
				.contains("Index Scan Backward using audit_event_time")
				.doesNotContain("Sort");
		}
	}

	private boolean isH2() {
		return this.jdbc.execute((Connection connection) -> connection.getMetaData().getDatabaseProductName())
			.equals("H2");
	}

	private String h2Plan(String sql, Object... arguments) {
		return String.join("\n", this.jdbc.queryForList("explain " + sql, String.class, arguments));
	}

	private String postgresPlan(String prepare, String execute) {
		return this.jdbc.execute((Connection connection) -> QueryPlans.genericPlan(connection, prepare, execute));
	}

	@Test
	void badInputIsAProblemNamingTheParameter() throws Exception {
		assertBadParameter(get("/audit/api/events").param("from", "yesterday"), "from");
		assertBadParameter(get("/audit/api/events").param("to", "2026-13-01"), "to");
		assertBadParameter(get("/audit/api/events").param("from", "2026-05-02").param("to", "2026-05-01"), "from");
		assertBadParameter(get("/audit/api/events").param("action", "EXPLODE"), "action");
		assertBadParameter(get("/audit/api/events").param("actorType", "ROBOT"), "actorType");
		assertBadParameter(get("/audit/api/events").param("limit", "0"), "limit");
		assertBadParameter(get("/audit/api/events").param("limit", "501"), "limit");
		assertBadParameter(get("/audit/api/events").param("limit", "ten"), "limit");
		assertBadParameter(get("/audit/api/events").param("status", "abc"), "status");
		assertBadParameter(get("/audit/api/events").param("traceId", "not-a-trace' or 1=1"), "traceId");
		assertBadParameter(get("/audit/api/events").param("cursor", "forged"), "cursor");
		assertBadParameter(get("/audit/api/events").param("to", "+999999999-12-31"), "to");
		assertBadParameter(get("/audit/api/events").param("to", "+999999999-12-31T23:59:59Z"), "to");
		assertBadParameter(get("/audit/api/events").param("from", "-999999999-01-01"), "from");
		assertBadParameter(get("/audit/api/events").param("from", "0000-12-31T23:59:59Z"), "from");
		assertBadParameter(get("/audit/api/events").param("to", "10000-01-01"), "to");
		assertBadParameter(get("/audit/api/events.csv").param("from", "2026-04-01").param("to", "+999999999-12-31"),
				"to");
		assertBadParameter(get("/audit/api/events.csv").param("from", "-999999999-01-01").param("to", "2026-04-01"),
				"from");
		// a NUL character, which PostgreSQL refuses in text
		assertBadParameter(get("/audit/api/events").param("actor", "editor\u0000"), "actor");
		assertBadParameter(get("/audit/api/events").param("q", "\u0000"), "q");
		assertBadParameter(get("/audit/api/integrity").param("tenant", "a\u0000"), "tenant");
		assertBadParameter(get("/audit/api/checkpoints").param("tenant", "a\u0000"), "tenant");
		insertEvents(this.tenant, 1, "content.update", "editor@demo.test");
		assertThat(ids(read(get("/audit/api/events").param("tenant", this.tenant)
			.param("from", "0001-01-01")
			.param("to", "9999-12-31"), reader()))).hasSize(1);
	}

	@Test
	void forgedOrReusedCursorIsRefused() throws Exception {
		insertEvents(this.tenant, 3, "content.update", "editor@demo.test");
		String next = read(get("/audit/api/events").param("tenant", this.tenant).param("limit", "1"), reader())
			.get("next")
			.asString();

		assertBadParameter(get("/audit/api/events").param("tenant", "other").param("limit", "1").param("cursor", next),
				"cursor");
		String forged = next.substring(0, next.indexOf('.')) + ".AAAA" + next.substring(next.indexOf('.') + 5);
		assertBadParameter(
				get("/audit/api/events").param("tenant", this.tenant).param("limit", "1").param("cursor", forged),
				"cursor");
		assertThat(ids(
				read(get("/audit/api/events").param("tenant", this.tenant).param("limit", "1").param("cursor", next),
						reader())))
			.hasSize(1);
	}

	@Test
	void unknownEntryIsNotFound() throws Exception {
		MvcResult result = this.mvc.perform(get("/audit/api/events/987654321").with(reader())).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(this.mvc.perform(get("/audit/api/events/not-a-number").with(reader()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void readingNeedsSignInAndTheViewAuthority() throws Exception {
		assertThat(status(get("/audit/api/events"), null)).isEqualTo(401);
		assertThat(status(get("/audit/api/events"), user("nobody@demo.test"))).isEqualTo(403);
		assertThat(status(get("/audit/api/operations"), user("nobody@demo.test"))).isEqualTo(403);
		assertThat(status(get("/audit/api/events"), user("viewer@demo.test", VIEW))).isEqualTo(200);
	}

	@Test
	void readerSeesOnlyTheTenantsThePolicyAllows() throws Exception {
		String other = "other-" + this.tenant;
		insertEvents(this.tenant, 2, "content.update", "editor@demo.test");
		insertEvents(other, 2, "content.update", "intruder@other.test");
		Long foreign = this.jdbc.queryForObject("select max(id) from audit_event where tenant = ?", Long.class, other);
		RequestPostProcessor tenantReader = user("reader@demo.test", VIEW, SYSTEM, "tenant:" + this.tenant);

		assertThat(read(get("/audit/api/events").param("actor", "intruder@other.test"), tenantReader).get("items"))
			.isEmpty();
		assertThat(read(get("/audit/api/events").param("tenant", other), tenantReader).get("items")).isEmpty();
		assertThat(read(get("/audit/api/events").param("tenant", this.tenant), tenantReader).get("items")).hasSize(2);
		assertThat(status(get("/audit/api/events/" + foreign), tenantReader)).isEqualTo(404);
		assertThat(status(get("/audit/api/events/" + foreign), reader())).isEqualTo(200);
	}

	@Test
	void systemLevelEntriesNeedTheSystemAuthority() throws Exception {
		String marker = "sys-" + this.tenant;
		insertEvents(null, 1, "audit.retention.purge", marker);

		assertThat(read(get("/audit/api/events").param("actor", marker), user("viewer@demo.test", VIEW)).get("items"))
			.isEmpty();
		assertThat(read(get("/audit/api/events").param("actor", marker), reader()).get("items")).hasSize(1);
	}

	@Test
	void operationsAreServedWithLabelsInTheRequestLanguage() throws Exception {
		JsonNode catalog = read(get("/audit/api/operations").header(HttpHeaders.ACCEPT_LANGUAGE, "ja"), reader());

		JsonNode content = null;
		for (JsonNode target : catalog.get("targets")) {
			if (target.get("id").asString().equals("content")) {
				content = target;
			}
		}
		assertThat(content).isNotNull();
		assertThat(content.get("label").asString()).isEqualTo("コンテンツ");
		assertThat(content.get("operations").get(0).get("id").asString()).isEqualTo("content.create");
		assertThat(content.get("operations").get(0).get("label").asString()).isEqualTo("コンテンツ: 作成");
		assertThat(catalog.get("detailItems").get(0).get("label").asString()).isEqualTo("対象コンテンツID");
	}

	@Test
	void theCatalogNamesUsersApiClientsAndTenantsInGenericWords() throws Exception {
		JsonNode english = read(get("/audit/api/operations"), reader()).get("vocabulary");
		assertThat(english.get("user").asString()).isEqualTo("User");
		assertThat(english.get("apiClient").asString()).isEqualTo("API Client");
		assertThat(english.get("tenant").asString()).isEqualTo("Tenant");
		JsonNode japanese = read(get("/audit/api/operations").header(HttpHeaders.ACCEPT_LANGUAGE, "ja"), reader())
			.get("vocabulary");
		assertThat(japanese.get("apiClient").asString()).isEqualTo("APIクライアント");
		assertThat(japanese.get("tenant").asString()).isEqualTo("テナント");
	}

	@Test
	void theUserFilterMatchesPartOfANameInAnyCase() throws Exception {
		insertEvents(this.tenant, 1, "content.update", "Editor." + this.tenant + "@demo.test");
		insertEvents(this.tenant, 1, "content.update", "someone-else@demo.test");

		assertThat(query("actor", "editor." + this.tenant.toUpperCase()).get("items")).singleElement()
			.satisfies((item) -> assertThat(item.get("actor").get("name").asString()).startsWith("Editor."));
		assertThat(query("actor", "id-someone-else@demo.test").get("items")).hasSize(1);
		assertThat(query("actor", "id-someone").get("items")).isEmpty();
	}

	@Test
	void aRequestEntryIsLabelledWithItsMethodPathAndStatus() throws Exception {
		this.jdbc
			.update("insert into audit_event (occurred_at, tenant, operation, target, action, outcome, actor_type, "
					+ "actor_id, actor_name, http_method, http_path, http_status) values (?, ?, 'http.request', 'http', "
					+ "'OTHER', 'FAILURE', 'MEMBER', 'm-1', 'editor@demo.test', 'POST', '/api/v1/blogs', 403)",
					Timestamp.from(Instant.now()), this.tenant);

		JsonNode item = query("operation", "http.request").get("items").get(0);
		assertThat(item.get("operationLabel").asString()).isEqualTo("POST /api/v1/blogs → 403");
		assertThat(item.get("outcome").asString()).isEqualTo("FAILURE");
	}

	@Test
	void columnPreferencesAreKeptPerUser() throws Exception {
		RequestPostProcessor alice = user("alice-" + this.tenant + "@demo.test", VIEW);
		RequestPostProcessor bob = user("bob-" + this.tenant + "@demo.test", VIEW);

		JsonNode defaults = read(get("/audit/api/preferences/columns"), alice);
		assertThat(strings(defaults.get("columns"))).containsExactly("occurredAt", "member", "apiKey", "operation",
				"entity", "summary", "outcome");
		assertThat(defaults.get("available").get(0).get("label").asString()).isEqualTo("Date and Time");

		JsonNode saved = read(put("/audit/api/preferences/columns").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"columns\": [\"operation\", \"occurredAt\", \"content_id\"]}"), alice);

		assertThat(strings(saved.get("columns"))).containsExactly("operation", "occurredAt", "content_id");
		assertThat(strings(read(get("/audit/api/preferences/columns"), alice).get("columns")))
			.containsExactly("operation", "occurredAt", "content_id");
		assertThat(strings(read(get("/audit/api/preferences/columns"), bob).get("columns"))).hasSize(7);
		JsonNode japanese = read(get("/audit/api/preferences/columns").header(HttpHeaders.ACCEPT_LANGUAGE, "ja"),
				alice);
		assertThat(japanese.get("available").get(0).get("label").asString()).isEqualTo("日時");
	}

	@Test
	void badColumnPreferencesAreRefused() throws Exception {
		MvcResult unknown = this.mvc
			.perform(put("/audit/api/preferences/columns").with(csrf())
				.with(reader())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"columns\": [\"shoeSize\"]}"))
			.andReturn();
		assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
		assertThat(this.json.readTree(unknown.getResponse().getContentAsString()).get("parameter").asString())
			.isEqualTo("columns");
		assertThat(status(put("/audit/api/preferences/columns").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"columns\": 3}"), reader())).isEqualTo(400);
		assertThat(status(put("/audit/api/preferences/columns").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("not json"), reader())).isEqualTo(400);
		assertThat(status(put("/audit/api/preferences/columns").contentType(MediaType.APPLICATION_JSON)
			.content("{\"columns\": []}"), reader())).isEqualTo(403);
	}

}
