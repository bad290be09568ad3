package io.audittrail.capture.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.audittrail.capture.http.app.HttpTestApplication;
import io.audittrail.testapp.QueryPlans;
import io.audittrail.testsupport.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The background writer on PostgreSQL: entries wait in its queue, are written in batches,
 * get their statuses, and none is lost when the application stops with entries still
 * queued.
 */
class PostgresHttpCaptureIntegrationTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void queuedEntriesAndStatusesAreWrittenWhenTheApplicationStops() throws Exception {
		Map<String, Object> database = new LinkedHashMap<>();
		TestPostgres.register((name, value) -> database.put(name, value.get()), "httpcapture");
		List<String> arguments = new ArrayList<>();
		database.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		arguments.addAll(List.of("--server.port=0", "--audit.http.flush-interval=1h", "--audit.http.batch-size=10000",
				"--spring.main.banner-mode=off"));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(HttpTestApplication.class)
			.run(arguments.toArray(String[]::new));
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);

		HttpResponse<String> audited = this.client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/articles"))
				.header("X-Request-Id", "pg-audited")
				.header("Authorization", "Bearer " + HttpTestApplication.jwt("m-1", "editor@demo.test"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"On PostgreSQL\",\"note\":\"n\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(audited.statusCode()).isEqualTo(201);
		for (int i = 0; i < 25; i++) {
			HttpResponse<String> response = this.client
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/echo/n" + i))
					.header("X-Request-Id", "pg-" + i)
					.header("X-API-KEY", HttpTestApplication.API_KEY)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + ",\"secret\":\"s\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
		}
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		assertThat(jdbc.queryForObject("select count(*) from audit_event where operation = 'http.request'", Long.class))
			.as("entries still queued")
			.isZero();
		assertThat(jdbc.queryForMap("select operation, http_method, coalesce(http_status, (select status from "
				+ "audit_request_status st where st.event_id = e.id)) as http_status from audit_event e "
				+ "where request_id = 'pg-audited'"))
			.containsEntry("operation", "content.create")
			.containsEntry("http_method", "POST")
			.containsEntry("http_status", null);

		context.close();

		try (Connection connection = DriverManager.getConnection((String) database.get("spring.datasource.url"),
				(String) database.get("spring.datasource.username"),
				(String) database.get("spring.datasource.password"));
				Statement statement = connection.createStatement()) {
			assertThat(single(statement, "select count(*) from audit_event where operation = 'http.request' "
					+ "and http_status = 200 and actor_type = 'API_KEY' and http_detail like '%\"secret\":\"***\"%'"))
				.isEqualTo(25L);
			assertThat(single(statement, "select count(*) from audit_event where request_id = 'pg-audited'"))
				.isEqualTo(1L);
			assertThat(single(statement, "select st.status from audit_event e join audit_request_status st "
					+ "on st.event_id = e.id where request_id = 'pg-audited'"))
				.isEqualTo(201L);
			assertThat(QueryPlans.genericPlan(connection, "prepare complete_status(integer, varchar, varchar, "
					+ "timestamptz) as insert into audit_request_status (event_id, status) select e.id, $1 "
					+ "from audit_event e where e.request_id = $2 and e.http_method = $3 and e.occurred_at >= $4 "
					+ "and e.http_status is null and not exists (select 1 from audit_request_status st where "
					+ "st.event_id = e.id) and not exists (select 1 from audit_seal s where s.event_id = e.id)",
					"execute complete_status(200, 'r', 'POST', now())"))
				.as("status insert served by the partial index, also as a generic plan")
				.contains("Index Scan using audit_event_request");
		}
	}

	private static long single(Statement statement, String query) throws Exception {
		try (ResultSet result = statement.executeQuery(query)) {
			result.next();
			return result.getLong(1);
		}
	}

}
