package io.audittrail.capture;

import java.io.File;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.audittrail.integrity.AuditIntegrity;
import io.audittrail.integrity.ChainSealing;
import io.audittrail.integrity.IntegrityReport;
import io.audittrail.testapp.TestApplication;
import io.audittrail.testapp.WriteLoad;
import io.audittrail.testsupport.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application is killed with SIGKILL while four threads write through audited calls
 * on PostgreSQL: every business change that committed has its event, bound to the Envers
 * revision that holds the change, no event outlives a change that did not commit, and
 * once the application is back, the hash chain over what survived verifies.
 */
class KillUnderLoadIntegrationTests {

	private static final int COMMITTED_BEFORE_KILL = 400;

	@Test
	void everyCommittedChangeHasItsEventAfterAKill() throws Exception {
		Map<String, String> database = new LinkedHashMap<>();
		TestPostgres.register((name, value) -> database.put(name, String.valueOf(value.get())), "killed");
		File log = new File("target/kill-under-load.log");
		Process writer = startWriter(database, log);
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (!Files.readString(log.toPath()).contains(WriteLoad.WRITING)) {
			assertThat(writer.isAlive()).as("writer process running (see %s)", log).isTrue();
			assertThat(System.nanoTime()).as("time for the writer to start").isLessThan(deadline);
			Thread.sleep(100);
		}
		try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
			while (count(statement, "select count(*) from article") < COMMITTED_BEFORE_KILL) {
				assertThat(writer.isAlive()).as("writer process running (see %s)", log).isTrue();
				assertThat(System.nanoTime()).as("time to commit %d articles", COMMITTED_BEFORE_KILL)
					.isLessThan(deadline);
				Thread.sleep(50);
			}
			writer.destroyForcibly();
			assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(writer.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

			long articles = count(statement, "select count(*) from article");
			assertThat(articles).isGreaterThanOrEqualTo(COMMITTED_BEFORE_KILL);
			assertThat(count(statement,
					"select count(*) from article a where (select count(*) from audit_event e "
							+ "where e.operation = 'content.create' and e.outcome = 'SUCCESS' "
							+ "and e.entity_id = cast(a.id as varchar)) <> 1"))
				.as("committed articles without exactly one event")
				.isZero();
			assertThat(count(statement,
					"select count(*) from audit_event e where not exists (select 1 from article a "
							+ "where cast(a.id as varchar) = e.entity_id)"))
				.as("events of changes that did not commit")
				.isZero();
			assertThat(count(statement,
					"select count(*) from audit_event e where not exists (select 1 from article_aud r "
							+ "where r.rev = e.revision_id and cast(r.id as varchar) = e.entity_id and r.revtype = 0)"))
				.as("events without the revision that holds their change")
				.isZero();
			assertThat(count(statement, "select count(*) from audit_event")).isEqualTo(articles);
		}
		try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(TestApplication.class)
			.run(arguments(database).toArray(String[]::new))) {
			ChainSealing.of(restarted).seal();
			IntegrityReport report = restarted.getBean(AuditIntegrity.class).verify();
			try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
				assertThat(report.verified()).as("chain verified after the kill: %s", report).isTrue();
				assertThat(report.checked()).isEqualTo(count(statement, "select count(*) from audit_event"));
				assertThat(report.unsealed()).isZero();
			}
		}
	}

	private static Process startWriter(Map<String, String> database, File log) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-Xmx256m");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(WriteLoad.class.getName());
		command.addAll(arguments(database));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
	}

	private static List<String> arguments(Map<String, String> database) {
		List<String> arguments = new ArrayList<>();
		database.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		arguments.add("--spring.main.banner-mode=off");
		arguments.add("--server.port=0");
		arguments.add("--audit.integrity.seal-interval=100ms");
		return arguments;
	}

	private static Connection connect(Map<String, String> database) throws Exception {
		return DriverManager.getConnection(database.get("spring.datasource.url"),
				database.get("spring.datasource.username"), database.get("spring.datasource.password"));
	}

	private static long count(Statement statement, String query) throws Exception {
		try (ResultSet result = statement.executeQuery(query)) {
			result.next();
			return result.getLong(1);
		}
	}

}
