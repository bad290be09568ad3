package io.audittrail.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.json.JsonMapper;

import io.audittrail.sample.support.AuditLog;
import io.audittrail.sample.support.CmsClient;
import io.audittrail.sample.support.StoredEvent;

/**
 * The application on H2 with its demo data, shared by the integration tests that extend
 * this class.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class SampleIntegrationTest {

	private static final Map<String, CmsClient> members = new ConcurrentHashMap<>();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	CmsClient anonymous() {
		return CmsClient.anonymous(this.port, this.json);
	}

	/** A client signed in as the given demo member; tokens are reused across tests. */
	CmsClient member(String email) {
		return members.computeIfAbsent(this.port + email, (key) -> anonymous().member(email));
	}

	AuditLog auditLog() {
		return new AuditLog(this.jdbc, this.json);
	}

	/** The successful events stored after the given event id. */
	List<StoredEvent> successesAfter(long mark) {
		return auditLog().after(mark).stream().filter((event) -> event.outcome().equals("SUCCESS")).toList();
	}

	/**
	 * Makes sure the demo service has an API with the given endpoint and a {@code title}
	 * field.
	 */
	void ensureApi(String endpoint) {
		CmsClient owner = member("owner@demo.test");
		if (owner.get("/api/v1/services/demo/apis")
			.json()
			.valueStream()
			.noneMatch((api) -> api.get("endpoint").asString().equals(endpoint))) {
			owner.post("/api/v1/services/demo/apis", Map.of("endpoint", endpoint, "name", endpoint, "type", "LIST",
					"fields", List.of(Map.of("fieldId", "title", "name", "Title", "kind", "text"))));
		}
	}

	/** A new API key of the demo service. */
	String newApiKey(String name) {
		return member("owner@demo.test").post("/api/v1/services/demo/api-keys", Map.of("name", name)).text("key");
	}

}
