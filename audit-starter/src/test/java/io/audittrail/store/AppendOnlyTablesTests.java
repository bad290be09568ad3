package io.audittrail.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.audittrail.core.Action;
import io.audittrail.core.Actor;
import io.audittrail.core.ActorType;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.AuditEventStore;
import io.audittrail.core.Outcome;
import io.audittrail.core.RequestInfo;
import io.audittrail.testsupport.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code audit.store.append-only=true}: PostgreSQL itself refuses updates of events,
 * seals and statuses, whoever sends them, while retention still deletes; H2 refuses to
 * start with it.
 */
class AppendOnlyTablesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuditStoreAutoConfiguration.class))
		.withPropertyValues("audit.store.append-only=true");

	@Test
	void postgresRefusesUpdatesOfEventsSealsAndStatusesButRetentionStillDeletes() {
		Map<String, String> database = new LinkedHashMap<>();
		TestPostgres.register((name, value) -> database.put(name, String.valueOf(value.get())), "appendonly");
		DataSource dataSource = new SimpleDriverDataSource(new Driver(), database.get("spring.datasource.url"),
				database.get("spring.datasource.username"), database.get("spring.datasource.password"));
		this.runner.withBean(DataSource.class, () -> dataSource).run((context) -> {
			Instant startedAt = Instant.now().minusSeconds(1);
			context.getBean(AuditEventStore.class)
				.append(List.of(new AuditEvent(null, Instant.now(), "acme", "content.update", "content", Action.UPDATE,
						Outcome.SUCCESS, new Actor(ActorType.MEMBER, "m-1", "editor@demo.test"), null, null, Map.of(),
						null, "r-1", null, new RequestInfo("PUT", "/api/articles/7", null, null, null, Map.of()))));
			context.getBean(RequestStatusStore.class)
				.complete(List.of(new RequestCompletion("r-1", "PUT", startedAt, 200)));
			ChainStore chains = context.getBean(ChainStore.class);
			chains.seal("acme", chains.unsealed(0, Instant.now(), 10),
					(event, position, prevHash) -> new ChainStore.Link("ab".repeat(32), "test"));

			try (Connection connection = DriverManager.getConnection(database.get("spring.datasource.url"),
					database.get("spring.datasource.username"), database.get("spring.datasource.password"));
					Statement statement = connection.createStatement()) {
				for (String update : List.of("update audit_event set actor_name = 'someone@else.test'",
						"update audit_seal set hash = null", "update audit_request_status set status = 500")) {
					assertThatExceptionOfType(SQLException.class).isThrownBy(() -> statement.executeUpdate(update))
						.withMessageContaining("The audit log is append-only");
				}
				assertThat(count(statement, "select count(*) from audit_event where actor_name = 'editor@demo.test'"))
					.isEqualTo(1);
			}

			RetentionStore.PurgedEvents purged = context.getBean(RetentionStore.class)
				.purgeEvents("acme", 0, 1, Instant.now());
			assertThat(purged).isEqualTo(new RetentionStore.PurgedEvents(1, 1));
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isZero();
			assertThat(jdbc.queryForObject("select count(*) from audit_seal", Long.class)).isZero();
			assertThat(jdbc.queryForObject("select count(*) from audit_request_status", Long.class)).isZero();
		});
	}

	@Test
	void h2RefusesToStartWithAppendOnly() throws SQLException {
		DataSource dataSource = new SimpleDriverDataSource(DriverManager.getDriver("jdbc:h2:mem:append-only"),
				"jdbc:h2:mem:append-only;DB_CLOSE_DELAY=-1", "sa", "");
		this.runner.withBean(DataSource.class, () -> dataSource)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("audit.store.append-only=true is enforced on PostgreSQL only"));
	}

	private static long count(Statement statement, String query) throws SQLException {
		try (var result = statement.executeQuery(query)) {
			result.next();
			return result.getLong(1);
		}
	}

}
