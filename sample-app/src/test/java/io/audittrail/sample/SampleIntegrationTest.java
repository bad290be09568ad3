package io.audittrail.sample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.json.JsonMapper;

import io.audittrail.sample.support.AuditLog;
import io.audittrail.sample.support.CmsClient;

/**
 * The application on H2 with its demo data, shared by the integration tests that extend this class.
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

}
