package io.audittrail.integrity;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.audittrail.testapp.PostgresChainTestContext;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresChainTestContext
class PostgresIntegrityIntegrationTests extends IntegrityIntegrationTests {

	@Test
	void verificationWalksTheChainThroughItsPartialIndex() {
		String plan = this.jdbc.execute((java.sql.Connection connection) -> {
			try (var statement = connection.createStatement()) {
				connection.setAutoCommit(false);
				statement.execute("set local plan_cache_mode = force_generic_plan");
				statement.execute("set local enable_seqscan = off");
				statement.execute("set local enable_sort = off");
				statement.execute("prepare walk(varchar, bigint) as select id from audit_event where tenant = $1 "
						+ "and chain_seq > $2 order by tenant, chain_seq");
				StringBuilder lines = new StringBuilder();
				try (var result = statement.executeQuery("explain execute walk('t', 0)")) {
					while (result.next()) {
						lines.append(result.getString(1)).append('\n');
					}
				}
				statement.execute("deallocate walk");
				connection.rollback();
				connection.setAutoCommit(true);
				return lines.toString();
			}
		});
		assertThat(plan).contains("audit_event_chain").doesNotContain("Sort");
		List<String> definition = this.jdbc.queryForList(
				"select indexdef from pg_indexes where indexname = 'audit_event_chain'", String.class);
		assertThat(definition).singleElement().asString().contains("WHERE (chain_seq IS NOT NULL)");
	}

}
