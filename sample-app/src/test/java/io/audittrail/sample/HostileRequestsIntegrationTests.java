package io.audittrail.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;

import io.audittrail.sample.support.CmsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests an attacker or a careless client sends, with HTTP capture on and bodies kept:
 * each is answered as usual, recorded with its secrets masked, and capture goes on
 * recording.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:cms-hostile;DB_CLOSE_DELAY=-1", "audit.http.enabled=true",
				"audit.http.include-body=true", "audit.http.include-query=true", "audit.http.max-body-bytes=200KB",
				// the token endpoint, which the sample leaves out of capture, is the one
				// attacked here
				"audit.http.exclude-paths=/api/auth/none" })
class HostileRequestsIntegrationTests extends SampleIntegrationTest {

	private static final String UNFINISHED_PASSWORD = "{\"email\":\"x\",\"password\":\"";

	@Test
	void unfinishedPasswordOfAnyLengthIsRecordedMaskedAndCaptureGoesOn() {
		long mark = auditLog().lastId();
		for (int length : List.of(3_000, 100_000)) {
			int status = anonymous().post("/api/auth/token", UNFINISHED_PASSWORD + "a".repeat(length)).status();
			assertThat(status).isEqualTo(400);
		}
		anonymous().post("/api/auth/token", Map.of("email", "nobody@demo.test", "password", "wrong-password"));

		List<Map<String, Object>> entries = entries(mark, "/api/auth/token", 3);
		assertThat(entries).extracting((entry) -> entry.get("HTTP_STATUS")).containsExactly(400, 400, 401);
		assertThat(entries).allSatisfy(
				(entry) -> assertThat((String) entry.get("HTTP_DETAIL")).doesNotContain("aaaaaaaaaa", "wrong-password")
					// a JSON body, or the text of a malformed one
					.containsAnyOf("\"password\":\"***\"", "\\\"password\\\":\\\"***\\\""));
	}

	@Test
	void csvImportWithAnUnfinishedPasswordLineIsABadRequestRecordedMasked() {
		ensureApi("notes");
		long mark = auditLog().lastId();
		String path = "/api/v1/services/demo/contents/notes/csv-import";

		int status = member("owner@demo.test")
			.postCsv(path, "id,status,title\n" + UNFINISHED_PASSWORD + "a".repeat(3_000) + "\n")
			.status();

		assertThat(status).isEqualTo(400);
		Map<String, Object> entry = entries(mark, path, 1).get(0);
		assertThat(entry).containsEntry("OPERATION", "content.complete_csv_import")
			.containsEntry("OUTCOME", "FAILURE")
			.containsEntry("HTTP_STATUS", 400);
		assertThat((String) entry.get("HTTP_DETAIL")).doesNotContain("aaaaaaaaaa")
			.contains("\\\"password\\\":\\\"***\\\"");
	}

	@Test
	void requestsToAnUnknownEndpointWithAValidKeyAreRecordedAsFailures() {
		CmsClient api = anonymous().apiKey(newApiKey("Prober"));
		long mark = auditLog().lastId();
		for (int i = 0; i < 5; i++) {
			assertThat(api.post("/api/v1/nothing", Map.of("title", "probe " + i)).status()).isEqualTo(404);
		}

		List<Map<String, Object>> entries = entries(mark, "/api/v1/nothing", 5);
		assertThat(entries).allSatisfy((entry) -> assertThat(entry).containsEntry("OPERATION", "content.create")
			.containsEntry("OUTCOME", "FAILURE")
			.containsEntry("TENANT", "demo")
			.containsEntry("ACTOR_TYPE", "API_KEY")
			.containsEntry("ACTOR_NAME", "Prober")
			.containsEntry("HTTP_STATUS", 404)
			.containsEntry("HTTP_AUTH_TYPE", "API_KEY"));
		assertThat(entries).extracting((entry) -> (String) entry.get("ERROR"))
			.allSatisfy((error) -> assertThat(error).endsWith("NotFoundException"));
	}

	/**
	 * The given number of entries of requests to the path after the mark, once their
	 * statuses are set.
	 */
	private List<Map<String, Object>> entries(long mark, String path, int count) {
		// an audited request's status is a row of its own, appended after the response
		String query = "select e.*, coalesce(e.http_status, st.status) as http_status from audit_event e "
				+ "left join audit_request_status st on st.event_id = e.id "
				+ "where e.id > ? and e.http_path = ? and coalesce(e.http_status, st.status) is not null order by e.id";
		await().atMost(Duration.ofSeconds(20)).until(() -> this.jdbc.queryForList(query, mark, path).size() >= count);
		List<Map<String, Object>> entries = this.jdbc.queryForList(query, mark, path);
		assertThat(entries).hasSize(count);
		return entries;
	}

}
