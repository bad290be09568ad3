package io.audittrail.web;

import static io.audittrail.StarterAutoConfigurations.auditAutoConfiguration;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import io.audittrail.testapp.Article;
import io.audittrail.testapp.ArticleService;
import io.audittrail.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * One access decision, seen from every door: the JSON API's list and entries, the pages'
 * {@code /audit/api/me}, the integrity endpoint and revert answer each reader alike, with
 * Spring Security and in the open mode an application without it may choose.
 */
// The same configuration as H2AuditApiIntegrationTests, so that both share one
// application context.
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:audit-web;DB_CLOSE_DELAY=-1;LAZY_QUERY_EXECUTION=1",
				"audit.security.system-authority=auditSystem", "spring.mvc.async.request-timeout=2s" })
@AutoConfigureMockMvc
class AccessControlIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ArticleService articles;

	@Autowired
	PlatformTransactionManager transactions;

	/** A tenant the readers below read and revert in. */
	String first;

	/** A tenant the readers below read, where the limited reverter may not revert. */
	String second;

	long firstEntry;

	long secondEntry;

	@BeforeEach
	void twoTenantsWithOneChangeEach() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		this.first = "a-" + run;
		this.second = "b-" + run;
		this.firstEntry = rename(this.first);
		this.secondEntry = rename(this.second);
	}

	@AfterEach
	void clearTenant() {
		TestApplication.TENANT.remove();
		SecurityContextHolder.clearContext();
	}

	/** Who knocks, and what each door answers them. */
	static Stream<Arguments> securedDoors() {
		return Stream.of(
				// not signed in
				Arguments.of("anonymous", "list", 401), Arguments.of("anonymous", "entry", 401),
				Arguments.of("anonymous", "me", 401), Arguments.of("anonymous", "integrity", 401),
				Arguments.of("anonymous", "revert", 401),
				// signed in without the view authority
				Arguments.of("stranger", "list", 403), Arguments.of("stranger", "entry", 403),
				Arguments.of("stranger", "me", 403), Arguments.of("stranger", "integrity", 403),
				Arguments.of("stranger", "revert", 403),
				// the view authority in both tenants, no revert authority
				Arguments.of("viewer", "list", 200), Arguments.of("viewer", "entry", 200),
				Arguments.of("viewer", "me", 200), Arguments.of("viewer", "integrity", 200),
				Arguments.of("viewer", "revert", 403),
				// the view and revert authorities in another tenant only
				Arguments.of("outsider", "list", 200), Arguments.of("outsider", "entry", 404),
				Arguments.of("outsider", "me", 200), Arguments.of("outsider", "integrity", 403),
				Arguments.of("outsider", "revert", 404),
				// system-level entries, and the system-level chain, need the system
				// authority
				Arguments.of("viewer", "system", 403), Arguments.of("everyTenant", "system", 403),
				Arguments.of("everyTenant", "list", 200), Arguments.of("auditor", "system", 200));
	}

	@ParameterizedTest(name = "{0} at {1}: {2}")
	@MethodSource("securedDoors")
	void everyDoorAnswersAReaderAlike(String reader, String door, int status) throws Exception {
		MvcResult result = this.mvc.perform(door(door, this.first, this.firstEntry).with(reader(reader))).andReturn();

		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
		if (status >= 400 && !door.equals("me")) {
			assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		}
		assertThat(title(this.firstEntry)).isEqualTo("Renamed");
	}

	@Test
	void thePagesOfferARevertExactlyWhenTheApiAcceptsIt() throws Exception {
		assertThat(me(reader("viewer"), null).get("canRevert").asBoolean()).isFalse();
		assertThat(me(reader("viewer"), this.firstEntry).get("canRevert").asBoolean()).isFalse();
		assertThat(me(reader("outsider"), null).get("canRevert").asBoolean()).isTrue();
		assertThat(me(reader("outsider"), this.firstEntry).get("canRevert").asBoolean()).isFalse();
		assertThat(me(reader("reverter"), this.firstEntry).get("canRevert").asBoolean()).isTrue();
		assertThat(me(reader("reverter"), this.secondEntry).get("canRevert").asBoolean()).isTrue();
	}

	@Test
	void aReaderWhoRevertsInOneTenantOnlyReadsBothAndRevertsOnlyThere() throws Exception {
		RequestPostProcessor limited = reader("limited");

		assertThat(status(get("/audit/api/events/" + this.secondEntry), limited)).isEqualTo(200);
		assertThat(status(get("/audit/api/events").param("tenant", this.second), limited)).isEqualTo(200);
		assertThat(me(limited, null).get("canRevert").asBoolean()).isTrue();
		assertThat(me(limited, this.firstEntry).get("canRevert").asBoolean()).isTrue();
		assertThat(me(limited, this.secondEntry).get("canRevert").asBoolean()).isFalse();

		MvcResult refused = this.mvc.perform(door("revert", this.second, this.secondEntry).with(limited)).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(refused.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(refused.getResponse().getContentAsString()).contains(this.second);
		assertThat(title(this.secondEntry)).isEqualTo("Renamed");

		assertThat(status(door("revert", this.first, this.firstEntry), limited)).isEqualTo(200);
		assertThat(title(this.firstEntry)).isEqualTo("Original");
	}

	/**
	 * One transaction that acted in two tenants has one Envers revision: reverting its
	 * entry of one tenant would revert the other tenant's change too, so it needs the
	 * right to revert in both.
	 */
	@Test
	void aChangeMadeTogetherWithAnotherTenantsIsRevertedOnlyByWhoMayRevertBoth() throws Exception {
		Long[] articles = createTogether("Shared first", "Shared second");
		long[] created = { creation(articles[0]), creation(articles[1]) };
		RequestPostProcessor limited = reader("limited");

		assertThat(me(limited, created[0]).get("canRevert").asBoolean()).isFalse();
		MvcResult refused = this.mvc.perform(door("revert", this.first, created[0]).with(limited)).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(refused.getResponse().getContentAsString()).contains("same transaction").doesNotContain(this.second);
		assertThat(this.jdbc.queryForObject("select count(*) from article where id in (?, ?)", Long.class, articles[0],
				articles[1]))
			.isEqualTo(2);

		assertThat(me(reader("reverter"), created[0]).get("canRevert").asBoolean()).isTrue();
	}

	/**
	 * The changes of a transaction that acted in two tenants are one Envers revision: a
	 * reader of one tenant sees the entry, but neither the other tenant's changes with it
	 * nor, in an entity's history, a revision that holds them.
	 */
	@Test
	void aRevisionSharedWithAnotherTenantShowsItsChangesOnlyToReadersOfBoth() throws Exception {
		Long[] articles = createTogether("Visible first", "Hidden second");
		long entry = creation(articles[0]);

		String firstOnly = body(get("/audit/api/events/" + entry), reader("firstOnly"));
		assertThat(firstOnly).contains("Visible first").doesNotContain("Hidden second");
		assertThat(body(get("/audit/api/events").param("tenant", this.first).param("summary", "true"),
				reader("firstOnly")))
			.doesNotContain("Hidden second");
		assertThat(status(get("/audit/api/entities/Article/" + articles[0] + "/history"), reader("secondOnly")))
			.isEqualTo(404);

		assertThat(body(get("/audit/api/events/" + entry), reader("viewer"))).contains("Hidden second");
	}

	/**
	 * Creates an article in each of the two tenants in one transaction, and answers their
	 * ids.
	 */
	private Long[] createTogether(String inFirst, String inSecond) {
		Long[] articles = new Long[2];
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("editor@demo.test", null, List.of()));
		try {
			new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
				TestApplication.TENANT.set(this.first);
				articles[0] = this.articles.create(inFirst, "n").getId();
				TestApplication.TENANT.set(this.second);
				articles[1] = this.articles.create(inSecond, "n").getId();
			});
			return articles;
		}
		finally {
			TestApplication.TENANT.remove();
			SecurityContextHolder.clearContext();
		}
	}

	private long creation(Long article) {
		return this.jdbc.queryForObject("select id from audit_event where entity_type = 'Article' and entity_id = ? "
				+ "and operation = 'content.create'", Long.class, article.toString());
	}

	private String body(MockHttpServletRequestBuilder request, RequestPostProcessor reader) throws Exception {
		MvcResult result = this.mvc.perform(request.with(reader)).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/**
	 * An application without Spring Security that opened the log: everyone reads it, as a
	 * guest, and nobody reverts, since nobody could be named for the change; the pages
	 * offer no revert.
	 */
	@Nested
	class OpenMode {

		private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JacksonAutoConfiguration.class,
					HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
					auditAutoConfiguration("AuditStoreAutoConfiguration"),
					auditAutoConfiguration("AuditAutoConfiguration"), AuditAccessAutoConfiguration.class,
					auditAutoConfiguration("AuditWebAutoConfiguration"),
					auditAutoConfiguration("AuditPagesAutoConfiguration"),
					auditAutoConfiguration("AuditIntegrityAutoConfiguration")))
			.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:audit-open-access;DB_CLOSE_DELAY=-1",
					"audit.web.allow-without-security=true", "audit.integrity.signing.enabled=false");

		@Test
		void everyDoorAnswersAGuestAlike() {
			this.runner.run((context) -> {
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				jdbc.update("insert into audit_event (occurred_at, tenant, operation, target, action, outcome, "
						+ "actor_type, actor_id, actor_name) values (?, 'open', 'content.update', 'content', 'UPDATE', "
						+ "'SUCCESS', 'MEMBER', 'm-1', 'editor@demo.test')", Timestamp.from(Instant.now()));
				long entry = jdbc.queryForObject("select max(id) from audit_event", Long.class);
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				Map<String, Integer> doors = Map.of("list", 200, "entry", 200, "me", 200, "integrity", 200, "revert",
						403);

				doors.forEach((door, status) -> {
					MvcResult result = perform(mvc, door(door, "open", entry));
					assertThat(result.getResponse().getStatus()).as(door).isEqualTo(status);
				});

				assertThat(json.readTree(perform(mvc, get("/audit/api/me")).getResponse().getContentAsString())
					.get("canRevert")
					.asBoolean()).isFalse();
				assertThat(json
					.readTree(perform(mvc, get("/audit/api/me").param("event", String.valueOf(entry))).getResponse()
						.getContentAsString())
					.get("canRevert")
					.asBoolean()).isFalse();
				MvcResult revert = perform(mvc, door("revert", "open", entry));
				assertThat(revert.getResponse().getContentType()).isEqualTo("application/problem+json");
				assertThat(revert.getResponse().getContentAsString()).contains("audit.web.allow-without-security");
			});
		}

		private static MvcResult perform(MockMvc mvc, MockHttpServletRequestBuilder request) {
			try {
				return mvc.perform(request).andReturn();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	// helpers

	static MockHttpServletRequestBuilder door(String door, String tenant, long entry) {
		return switch (door) {
			case "list" -> get("/audit/api/events").param("tenant", tenant);
			case "entry" -> get("/audit/api/events/" + entry);
			case "me" -> get("/audit/api/me");
			case "integrity" -> get("/audit/api/integrity").param("tenant", tenant);
			case "revert" -> post("/audit/api/events/" + entry + "/revert").with(csrf());
			case "system" -> get("/audit/api/checkpoints");
			default -> throw new IllegalArgumentException(door);
		};
	}

	RequestPostProcessor reader(String reader) {
		return switch (reader) {
			case "anonymous" -> SecurityMockMvcRequestPostProcessors.anonymous();
			case "stranger" -> user("stranger@demo.test", "viewContent");
			case "viewer" -> user("viewer@demo.test", "viewAuditLog", "tenant:" + this.first, "tenant:" + this.second);
			case "reverter" -> user("reverter@demo.test", "viewAuditLog", "revertAuditLog", "tenant:" + this.first,
					"tenant:" + this.second);
			case "limited" -> user("limited@demo.test", "viewAuditLog", "revertAuditLog", "tenant:" + this.first,
					"tenant:" + this.second, "revert-tenant:" + this.first);
			case "outsider" -> user("outsider@demo.test", "viewAuditLog", "revertAuditLog", "tenant:elsewhere");
			case "firstOnly" -> user("first@demo.test", "viewAuditLog", "tenant:" + this.first);
			case "secondOnly" -> user("second@demo.test", "viewAuditLog", "tenant:" + this.second);
			case "everyTenant" -> user("every@demo.test", "viewAuditLog");
			case "auditor" -> user("auditor@demo.test", "viewAuditLog", "auditSystem");
			default -> throw new IllegalArgumentException(reader);
		};
	}

	private static RequestPostProcessor user(String name, String... authorities) {
		return SecurityMockMvcRequestPostProcessors.user(name)
			.authorities(Arrays.stream(authorities).map(SimpleGrantedAuthority::new).toList());
	}

	private JsonNode me(RequestPostProcessor reader, Long entry) throws Exception {
		MockHttpServletRequestBuilder request = get("/audit/api/me");
		if (entry != null) {
			request.param("event", String.valueOf(entry));
		}
		MvcResult result = this.mvc.perform(request.with(reader)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private int status(MockHttpServletRequestBuilder request, RequestPostProcessor reader) throws Exception {
		return this.mvc.perform(request.with(reader)).andReturn().getResponse().getStatus();
	}

	/** Creates an article in the tenant, renames it, and answers the rename's entry. */
	private long rename(String tenant) {
		TestApplication.TENANT.set(tenant);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("editor@demo.test", null, List.of()));
		try {
			Article article = this.articles.create("Original", "n");
			this.articles.rename(article.getId(), "Renamed");
			return this.jdbc.queryForObject(
					"select id from audit_event where entity_type = 'Article' and entity_id = ? "
							+ "and operation = 'content.update' and tenant = ?",
					Long.class, article.getId().toString(), tenant);
		}
		finally {
			TestApplication.TENANT.remove();
			SecurityContextHolder.clearContext();
		}
	}

	private String title(long entry) {
		return this.jdbc.queryForObject("select a.title from article a join audit_event e on e.entity_id = "
				+ "cast(a.id as varchar(20)) where e.id = ?", String.class, entry);
	}

}
