package io.audittrail.integrity;

import static io.audittrail.StarterAutoConfigurations.auditAutoConfiguration;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.Driver;
import org.junit.jupiter.api.Test;

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
import io.audittrail.core.TraceContext;
import io.audittrail.store.AuditSchemaInitializer;
import io.audittrail.store.ChainStore;
import io.audittrail.store.EventRow;
import io.audittrail.testsupport.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database whose chains were sealed by the release that kept them in the event rows
 * ({@code audit-event-v1} hashes in {@code audit_event.chain_seq, prev_hash, hash})
 * upgrades with the starter's migrations and still verifies; new events are sealed with
 * {@code audit-event-v2} after them, and tampering with an upgraded event is still found.
 */
class LegacyChainUpgradeTests {

	@Test
	void h2DatabaseSealedByTheOldSchemaStillVerifiesAfterTheUpgrade() {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(),
				"jdbc:h2:mem:legacy-chains;DB_CLOSE_DELAY=-1", "sa", "");
		upgradesAndVerifies(dataSource, "h2", "7.1");
	}

	@Test
	void postgresDatabaseSealedByTheOldSchemaStillVerifiesAfterTheUpgrade() throws SQLException {
		Map<String, String> database = new LinkedHashMap<>();
		TestPostgres.register((name, value) -> database.put(name, String.valueOf(value.get())), "legacy");
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(
				DriverManager.getDriver(database.get("spring.datasource.url")), database.get("spring.datasource.url"),
				database.get("spring.datasource.username"), database.get("spring.datasource.password"));
		upgradesAndVerifies(dataSource, "postgresql", "8.2");
	}

	private void upgradesAndVerifies(DataSource dataSource, String vendor, String lastOldMigration) {
		// the schema of the release before the seal rows
		Flyway.configure(getClass().getClassLoader())
			.dataSource(dataSource)
			.table("audit_schema_history")
			.locations(AuditSchemaInitializer.LOCATION + vendor)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.target(lastOldMigration)
			.load()
			.migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		OldSealer old = new OldSealer(jdbc);
		long first = old.insertAndSeal("acme", "content.create", null, null);
		old.insertAndSeal("acme", "content.update", "PUT", 201);
		long third = old.insertAndSeal("acme", "content.delete", null, null);
		old.insertAndSeal(null, "audit.retention.purge", null, null);
		old.writeHeads();

		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(auditAutoConfiguration("AuditStoreAutoConfiguration"),
					AuditIntegrityAutoConfiguration.class))
			.withBean(DataSource.class, () -> dataSource)
			.withPropertyValues("audit.integrity.seal-interval=1h")
			.run((context) -> {
				AuditIntegrity integrity = context.getBean(AuditIntegrity.class);
				assertThat(integrity.verify()).isEqualTo(new IntegrityReport(true, 4, null, 0));
				assertThat(jdbc.queryForList("select encoding from audit_seal order by event_id", String.class))
					.containsOnly(EventDigest.V1)
					.hasSize(4);
				assertThat(jdbc.queryForObject(
						"select coalesce(e.http_status, st.status) from audit_event e left join "
								+ "audit_request_status st on st.event_id = e.id where e.http_method = 'PUT'",
						Integer.class))
					.isEqualTo(201);

				context.getBean(AuditEventStore.class)
					.append(List.of(new AuditEvent(null, OffsetDateTime.now(ZoneOffset.UTC).toInstant(), "acme",
							"content.update", "content", Action.UPDATE, Outcome.SUCCESS,
							new Actor(ActorType.MEMBER, "m-1", "editor@demo.test"), null, null, Map.of(), null, null,
							null, null, new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"))));
				context.getBean(ChainSealer.class).seal();
				assertThat(integrity.verify("acme")).isEqualTo(new IntegrityReport(true, 4, null, 0));
				assertThat(jdbc.queryForList("select encoding from audit_seal where chain = '=acme' order by position",
						String.class))
					.containsExactly(EventDigest.V1, EventDigest.V1, EventDigest.V1, EventDigest.V2);

				jdbc.update("update audit_event set entity_name = 'Forged' where id = ?", third);
				assertThat(integrity.verify("acme")).isEqualTo(new IntegrityReport(false, 3, third, 0));
				jdbc.update("delete from audit_event where id = ?", first);
				assertThat(integrity.verify("acme").firstBrokenId()).isNotNull();
			});
	}

	/** Writes and seals events as the release before the seal rows did. */
	private static final class OldSealer {

		private final JdbcTemplate jdbc;

		private final EventDigest digest = new EventDigest();

		private final Map<String, Object[]> heads = new LinkedHashMap<>();

		private final OffsetDateTime occurredAt = OffsetDateTime.of(2026, 6, 1, 9, 30, 0, 250_000_000, ZoneOffset.UTC);

		OldSealer(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		long insertAndSeal(String tenant, String operation, String method, Integer status) {
			this.jdbc.update("insert into audit_event (occurred_at, tenant, operation, target, action, outcome, "
					+ "actor_type, actor_id, actor_name, entity_type, entity_id, entity_name, details, request_id, "
					+ "http_method, http_path, http_status) values (?, ?, ?, 'content', 'UPDATE', 'SUCCESS', 'MEMBER', "
					+ "'m-1', 'editor@demo.test', 'Article', '7', 'Grüße', '{\"content_id\":\"7\"}', 'r-1', ?, ?, ?)",
					this.occurredAt, tenant, operation, method, (method != null) ? "/api/articles/7" : null, status);
			long id = this.jdbc.queryForObject("select max(id) from audit_event", Long.class);
			String chain = ChainStore.keyOf(tenant);
			Object[] head = this.heads.computeIfAbsent(chain, (key) -> new Object[] { tenant, 0L, null });
			long position = (Long) head[1] + 1;
			EventRow row = new EventRow(id, this.occurredAt, tenant, operation, "content", "UPDATE", "SUCCESS",
					"MEMBER", "m-1", "editor@demo.test", null, "Article", "7", "Grüße", "{\"content_id\":\"7\"}", null,
					"r-1", null, method, (method != null) ? "/api/articles/7" : null, status, null, null, null, null,
					null);
			String hash = this.digest.hash(row, EventDigest.V1, position, (String) head[2]);
			this.jdbc.update("update audit_event set chain_seq = ?, prev_hash = ?, hash = ? where id = ?", position,
					head[2], hash, id);
			head[1] = position;
			head[2] = hash;
			return id;
		}

		void writeHeads() {
			this.heads.forEach((chain, head) -> this.jdbc.update(
					"insert into audit_chain_head (chain_key, tenant, seq, hash) values (?, ?, ?, ?)", chain, head[0],
					head[1], head[2]));
		}

	}

}
