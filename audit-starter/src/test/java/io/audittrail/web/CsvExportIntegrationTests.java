package io.audittrail.web;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.audittrail.integrity.ChainSealing;
import io.audittrail.testapp.TestSecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What a reader gets from the CSV export: the period's entries with headers in their
 * language, safe to open in a spreadsheet, streamed at any size, and the download itself
 * recorded.
 */
abstract class CsvExportIntegrationTests extends AuditWebTestSupport {

	@Autowired
	private BeanFactory beans;

	private static final long MB = 1024 * 1024;

	@LocalServerPort
	int port;

	@Test
	void exportHasHeadersInTheRequestLanguageAndNeutralizesFormulas() throws Exception {
		Instant at = Instant.parse("2026-04-01T09:30:00Z");
		insertRow(at, "MEMBER", "=HYPERLINK(\"http://evil.test\")",
				"{\"content_id\":\"+SUM(1,1)\",\"note\":\"@import\"}");
		insertRow(at.plusSeconds(1), "API_KEY", "-Import key", "{\"content_id\":\"\\tTab\",\"note\":\"\\rCR\"}");
		insertRow(at.plusSeconds(2), "MEMBER", "editor@demo.test",
				"{\"content_id\":\"42\",\"note\":\"plain, \\\"quoted\\\"\"}");

		List<CSVRecord> rows = csv(get("/audit/api/events.csv").param("from", "2026-04-01")
			.param("to", "2026-04-01")
			.param("tenant", this.tenant)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "ja"), reader());

		assertThat(rows.get(0).toList().subList(0, 11)).containsExactly("日時", "IPアドレス", "ユーザー", "APIクライアント", "操作内容",
				"テナント", "対象", "結果", "メソッド", "パス", "ステータスコード");
		assertThat(rows.get(0).get(11)).isEqualTo("トレースID");
		assertThat(rows.get(0).toList()).contains("対象コンテンツID", "メモ");
		int contentId = rows.get(0).toList().indexOf("対象コンテンツID");
		int note = rows.get(0).toList().indexOf("メモ");
		assertThat(rows).hasSize(4);
		CSVRecord plain = rows.get(1);
		assertThat(plain.get(0)).isEqualTo("2026-04-01 09:30:02 +00:00");
		assertThat(plain.get(5)).isEqualTo(this.tenant);
		assertThat(plain.get(7)).isEqualTo("成功");
		assertThat(plain.get(2)).isEqualTo("editor@demo.test");
		assertThat(plain.get(4)).isEqualTo("コンテンツ: 更新");
		assertThat(plain.get(note)).isEqualTo("plain, \"quoted\"");
		CSVRecord apiKey = rows.get(2);
		assertThat(apiKey.get(2)).isEmpty();
		assertThat(apiKey.get(3)).isEqualTo("'-Import key");
		assertThat(apiKey.get(contentId)).isEqualTo("'\tTab");
		assertThat(apiKey.get(note)).isEqualTo("'\rCR");
		CSVRecord formulas = rows.get(3);
		assertThat(formulas.get(2)).isEqualTo("'=HYPERLINK(\"http://evil.test\")");
		assertThat(formulas.get(contentId)).isEqualTo("'+SUM(1,1)");
		assertThat(formulas.get(note)).isEqualTo("'@import");
	}

	@Test
	void exportHoldsWhatTheListShowsInTheReadersZoneAndLanguage() throws Exception {
		Instant at = Instant.parse("2026-04-05T23:30:00Z");
		insertRow(at, "MEMBER", "editor@demo.test", "{\"content_id\":\"7\"}");
		insertRow(at.plusSeconds(1), "MEMBER", "admin@demo.test", "{\"content_id\":\"8\"}");
		this.jdbc
			.update("insert into audit_event (occurred_at, tenant, operation, target, action, outcome, actor_type, "
					+ "actor_id, actor_name, http_method, http_path, http_status, trace_id, span_id) values (?, ?, 'http.request', "
					+ "'http', 'OTHER', 'FAILURE', 'MEMBER', 'm-1', 'editor@demo.test', 'POST', '/api/v1/blogs', 403, "
					+ "'4bf92f3577b34da6a3ce929d0e0e4736', '00f067aa0ba902b7')", Timestamp.from(at.plusSeconds(2)),
					this.tenant);

		List<CSVRecord> rows = csv(get("/audit/api/events.csv").param("from", "2026-04-05T00:00:00Z")
			.param("to", "2026-04-06T23:59:59Z")
			.param("tenant", this.tenant)
			.param("actor", "EDITOR")
			.param("zone", "Asia/Tokyo")
			.param("lang", "en")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "ja"), reader());

		List<String> header = rows.get(0).toList();
		assertThat(header.subList(0, 11)).containsExactly("Date and Time", "IP Address", "User", "API Client",
				"Operation", "Tenant", "Entity", "Result", "Method", "Path", "Status Code");
		assertThat(header.get(11)).isEqualTo("Trace ID");
		assertThat(header).doesNotContain("Reverted Entry ID", "Purged Entries", "Export Period Start");
		assertThat(rows).hasSize(3);
		CSVRecord refused = rows.get(1);
		assertThat(refused.get(0)).isEqualTo("2026-04-06 08:30:02 +09:00");
		assertThat(refused.get(4)).isEqualTo("POST /api/v1/blogs → 403");
		assertThat(refused.get(7)).isEqualTo("Failed");
		assertThat(refused.toList().subList(8, 12)).containsExactly("POST", "/api/v1/blogs", "403",
				"4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(rows.get(2).get(11)).isEmpty();
		assertThat(rows.get(2).get(2)).isEqualTo("editor@demo.test");
		assertThat(rows.get(2).get(0)).isEqualTo("2026-04-06 08:30:00 +09:00");

		assertBadParameter(get("/audit/api/events.csv").param("from", "2026-04-05")
			.param("to", "2026-04-06")
			.param("zone", "Mars/Olympus"), "zone");
	}

	@Test
	void exportOffersJsonLines() throws Exception {
		insertRow(Instant.parse("2026-04-07T10:00:00Z"), "MEMBER", "editor@demo.test", "{\"content_id\":\"9\"}");

		MvcResult started = this.mvc
			.perform(get("/audit/api/events.jsonl").param("from", "2026-04-07")
				.param("to", "2026-04-07")
				.param("tenant", this.tenant)
				.param("zone", "Asia/Tokyo")
				.with(reader()))
			.andReturn();
		MvcResult result = this.mvc.perform(asyncDispatch(started)).andReturn();

		assertThat(result.getResponse().getContentType()).isEqualTo("application/jsonl;charset=UTF-8");
		assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.contains("audit-log-2026-04-07-2026-04-08.jsonl");
		List<String> lines = result.getResponse().getContentAsString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).hasSize(1);
		assertThat(this.json.readTree(lines.get(0)).get("details").get("content_id").asString()).isEqualTo("9");
	}

	@Test
	void eachDownloadIsRecordedButReadingIsNot() throws Exception {
		insertRow(Instant.parse("2026-04-02T10:00:00Z"), "MEMBER", "editor@demo.test", null);
		long before = this.jdbc.queryForObject("select count(*) from audit_event", Long.class);

		read(get("/audit/api/events").param("tenant", this.tenant), reader());
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event", Long.class)).isEqualTo(before);

		csv(get("/audit/api/events.csv").param("from", "2026-04-02T00:00:00Z")
			.param("to", "2026-04-03T00:00:00Z")
			.param("tenant", this.tenant)
			.param("operation", "content.update"), reader());

		List<Map<String, Object>> exports = this.jdbc.queryForList(
				"select * from audit_event where operation = 'audit.export' and details like ?",
				"%" + this.tenant + "%");
		assertThat(exports).singleElement().satisfies((export) -> {
			assertThat(export).containsEntry("ACTOR_NAME", "auditor@demo.test").containsEntry("TARGET", "audit");
			assertThat((String) export.get("DETAILS")).contains("\"export_from\":\"2026-04-02T00:00:00Z\"")
				.contains("\"export_to\":\"2026-04-03T00:00:00Z\"")
				.contains("\"export_filters\":\"operation=content.update&tenant=" + this.tenant + "\"");
		});
	}

	@Test
	void aDownloadBeyondTheInstancesSlotsIsRefusedWith503AndNotRecorded() throws Exception {
		insertRow(Instant.parse("2026-04-05T10:00:00Z"), "MEMBER", "editor@demo.test", null);
		Downloads downloads = this.beans.getBean(Downloads.class);
		List<Downloads.Slot> slow = new ArrayList<>();
		long exportsBefore = this.jdbc
			.queryForObject("select count(*) from audit_event where operation = 'audit.export'", Long.class);
		try {
			while (downloads.available() > 0) {
				slow.add(downloads.take());
			}
			MvcResult refused = this.mvc
				.perform(get("/audit/api/events.csv").param("from", "2026-04-05")
					.param("to", "2026-04-05")
					.param("tenant", this.tenant)
					.with(reader()))
				.andReturn();

			assertThat(refused.getResponse().getStatus()).isEqualTo(503);
			assertThat(refused.getResponse().getContentType()).isEqualTo("application/problem+json");
			assertThat(refused.getResponse().getContentAsString()).contains("audit.web.max-concurrent-downloads");
			assertThat(this.jdbc.queryForObject("select count(*) from audit_event where operation = 'audit.export'",
					Long.class))
				.isEqualTo(exportsBefore);
		}
		finally {
			slow.forEach(Downloads.Slot::release);
		}
		assertThat(csv(get("/audit/api/events.csv").param("from", "2026-04-05")
			.param("to", "2026-04-05")
			.param("tenant", this.tenant), reader())).hasSize(2);
	}

	@Test
	void exportNeedsAPeriodAndKeepsToTheReadersTenants() throws Exception {
		insertRow(Instant.parse("2026-04-03T10:00:00Z"), "MEMBER", "editor@demo.test", null);

		assertBadParameter(get("/audit/api/events.csv").param("to", "2026-04-03"), "from");
		assertBadParameter(get("/audit/api/events.csv").param("from", "2026-04-03"), "to");
		assertBadParameter(get("/audit/api/events.csv").param("from", "2026-04-04").param("to", "2026-04-03"), "from");
		long exportsBefore = this.jdbc
			.queryForObject("select count(*) from audit_event where operation = 'audit.export'", Long.class);
		for (String foreignTenant : List.of(this.tenant, "made-up-" + this.tenant)) {
			MvcResult refused = this.mvc
				.perform(get("/audit/api/events.csv").param("from", "2026-04-03")
					.param("to", "2026-04-03")
					.param("tenant", foreignTenant)
					.with(user("reader@other.test", VIEW, "tenant:other-" + this.tenant)))
				.andReturn();
			assertThat(refused.getResponse().getStatus()).isEqualTo(403);
			assertThat(refused.getResponse().getContentAsString()).doesNotContain("Date");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where operation = 'audit.export'",
				Long.class))
			.isEqualTo(exportsBefore);
		csv(get("/audit/api/events.csv").param("from", "2026-04-03").param("to", "2026-04-03"),
				user("reader@other.test", VIEW, "tenant:other-" + this.tenant));
		assertThat(
				this.jdbc.queryForList(
						"select tenant from audit_event where operation = 'audit.export' "
								+ "and actor_name = 'reader@other.test' and details like ?",
						String.class, "%2026-04-03%"))
			.contains("other-" + this.tenant)
			.doesNotContain(this.tenant);
		assertThat(status(get("/audit/api/events.csv").param("from", "2026-04-03").param("to", "2026-04-03"),
				user("nobody@demo.test")))
			.isEqualTo(403);
	}

	@Test
	void exportStreams200000RowsInBoundedMemory() throws Exception {
		long insertStarted = System.nanoTime();
		insertManyEvents(this.tenant, 200_000);
		System.out.printf("Inserted 200000 rows in %d ms%n", (System.nanoTime() - insertStarted) / 1_000_000);
		try {
			// sealed first: the seal rows of an in-memory database live in this heap, and
			// the
			// background sealer appending them during the export is not the export's
			// growth
			ChainSealing.of(this.beans).seal();
			long baseline = usedHeapAfterGc();
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port
						+ "/audit/api/events.csv?from=2000-01-01&to=2100-01-01&tenant=" + this.tenant))
				.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
					.encodeToString(("auditor@demo.test:" + TestSecurity.PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.build();
			long started = System.nanoTime();
			HttpResponse<InputStream> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofInputStream());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
			assertThat(response.headers().firstValue("Content-Length")).isEmpty();
			long lines = 0;
			long peakGrowth = 0;
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				while (reader.readLine() != null) {
					lines++;
					if (lines % 100_000 == 0) {
						long gcStarted = System.nanoTime();
						peakGrowth = Math.max(peakGrowth, usedHeapAfterGc() - baseline);
						started += System.nanoTime() - gcStarted;
					}
				}
			}
			long millis = (System.nanoTime() - started) / 1_000_000;
			System.out.printf(
					"CSV export of %d rows: %d ms without the forced GCs, live heap growth while streaming at most %d MB%n",
					lines - 1, millis, peakGrowth / MB);
			// the header, the 200,000 rows, and the export's own entry: it is recorded in
			// the exported
			// tenant before the rows stream, so that an interrupted download is recorded
			// too
			assertThat(lines).isEqualTo(200_002);
			assertThat(peakGrowth).isLessThan(64 * MB);
		}
		finally {
			long deleteStarted = System.nanoTime();
			this.jdbc.update("delete from audit_event where tenant = ?", this.tenant);
			System.out.printf("Deleted them in %d ms%n", (System.nanoTime() - deleteStarted) / 1_000_000);
		}
	}

	List<CSVRecord> csv(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
		MvcResult started = this.mvc.perform(request.with(user)).andReturn();
		assertThat(started.getResponse().getStatus()).as(started.getResponse().getContentAsString()).isEqualTo(200);
		MvcResult result = this.mvc.perform(asyncDispatch(started)).andReturn();
		assertThat(result.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).startsWith("\uFEFF");
		return CSVFormat.RFC4180.parse(new StringReader(body.substring(1))).getRecords();
	}

	void insertRow(Instant at, String actorType, String actorName, String details) {
		this.jdbc
			.update("insert into audit_event (occurred_at, tenant, operation, target, action, outcome, actor_type, "
					+ "actor_id, actor_name, ip, details) values (?, ?, 'content.update', 'content', 'UPDATE', 'SUCCESS', ?, "
					+ "'a-1', ?, '198.51.100.7', ?)", Timestamp.from(at.truncatedTo(ChronoUnit.MICROS)), this.tenant,
					actorType, actorName, details);
	}

	private static long usedHeapAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
