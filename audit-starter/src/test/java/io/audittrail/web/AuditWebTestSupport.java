package io.audittrail.web;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.audittrail.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What the JSON API tests share: one application context per database, a tenant of their
 * own per test, users with authorities, and fast inserts of events.
 */
abstract class AuditWebTestSupport {

	static final String VIEW = "viewAuditLog";

	static final String REVERT = "revertAuditLog";

	static final String SYSTEM = "auditSystem";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	String tenant;

	@BeforeEach
	void newTenant() {
		this.tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@AfterEach
	void clearTenant() {
		TestApplication.TENANT.remove();
	}

	JsonNode query(String... parameters) throws Exception {
		MockHttpServletRequestBuilder request = get("/audit/api/events").param("tenant", this.tenant);
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		return read(request, reader());
	}

	JsonNode read(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
		MvcResult result = this.mvc.perform(request.with(user)).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	int status(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
		request.with((user != null) ? user : SecurityMockMvcRequestPostProcessors.anonymous());
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	void assertBadParameter(MockHttpServletRequestBuilder request, String parameter) throws Exception {
		MvcResult result = this.mvc.perform(request.with(reader())).andReturn();
		assertThat(result.getResponse().getStatus()).as(parameter).isEqualTo(400);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		JsonNode problem = this.json.readTree(result.getResponse().getContentAsString());
		assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
		assertThat(problem.get("detail").asString()).contains(parameter);
	}

	static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("id").asLong()));
		return ids;
	}

	static List<String> entityIds(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("entity").get("id").asString()));
		return ids;
	}

	static RequestPostProcessor reader() {
		return user("auditor@demo.test", VIEW, SYSTEM);
	}

	static RequestPostProcessor user(String name, String... authorities) {
		Set<SimpleGrantedAuthority> granted = new HashSet<>();
		for (String authority : authorities) {
			granted.add(new SimpleGrantedAuthority(authority));
		}
		return SecurityMockMvcRequestPostProcessors.user(name).authorities(granted);
	}

	void insertEvents(String tenant, int count, String operation, String actorName) {
		String[] parts = operation.split("\\.", 2);
		Instant now = Instant.now();
		for (int start = 0; start < count; start += 5000) {
			List<Object[]> rows = new ArrayList<>(5000);
			for (int i = start; i < Math.min(count, start + 5000); i++) {
				rows.add(new Object[] { Timestamp.from(now), tenant, operation, parts[0], "UPDATE", "SUCCESS", "MEMBER",
						"id-" + actorName, actorName, "198.51.100.1", "Article", String.valueOf(i), "Article " + i,
						"{\"content_id\":\"" + i + "\"}" });
			}
			this.jdbc.batchUpdate("insert into audit_event (occurred_at, tenant, operation, target, action, outcome, "
					+ "actor_type, actor_id, actor_name, ip, entity_type, entity_id, entity_name, details) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
		}
	}

	/** Inserts many events with one statement, numbering their entity ids from 1. */
	void insertManyEvents(String tenant, int count) {
		String product = this.jdbc
			.execute((ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName());
		String numbers = product.equals("H2") ? "system_range(1, ?)" : "generate_series(1, ?) as t(x)";
		this.jdbc
			.update("insert into audit_event (occurred_at, tenant, operation, target, action, outcome, actor_type, "
					+ "actor_id, actor_name, ip, entity_type, entity_id, entity_name, details) "
					+ "select ?, ?, 'content.update', 'content', 'UPDATE', 'SUCCESS', 'MEMBER', 'm-1', 'editor@demo.test', "
					+ "'198.51.100.1', 'Article', cast(x as varchar(20)), concat('Article ', cast(x as varchar(20))), "
					+ "concat('{\"content_id\":\"', cast(x as varchar(20)), '\"}') from " + numbers,
					Timestamp.from(Instant.now()), tenant, count);
	}

	void insert(String tenant, Instant at, String operation, String action, String actorType, String actorId,
			String actorName, String entityType, String entityId, String entityName, String method, String path,
			Integer status) {
		this.jdbc
			.update("insert into audit_event (occurred_at, tenant, operation, target, action, outcome, actor_type, "
					+ "actor_id, actor_name, ip, entity_type, entity_id, entity_name, http_method, http_path, http_status) "
					+ "values (?, ?, ?, 'content', ?, 'SUCCESS', ?, ?, ?, '198.51.100.1', ?, ?, ?, ?, ?, ?)",
					Timestamp.from(at), tenant, operation, action, actorType, actorId, actorName, entityType, entityId,
					entityName, method, path, status);
	}

}
