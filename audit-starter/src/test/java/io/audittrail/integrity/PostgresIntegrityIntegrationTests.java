package io.audittrail.integrity;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.audittrail.testapp.PostgresChainTestContext;
import io.audittrail.testapp.QueryPlans;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresChainTestContext
class PostgresIntegrityIntegrationTests extends IntegrityIntegrationTests {

	@Test
	void verificationWalksTheChainThroughItsPartialIndex() {
		String plan = this.jdbc.execute((java.sql.Connection connection) -> QueryPlans.genericPlan(connection,
				"prepare walk(varchar, bigint) as select id from audit_event where tenant = $1 and chain_seq > $2 "
						+ "order by tenant, chain_seq",
				"execute walk('t', 0)"));
		assertThat(plan).contains("audit_event_chain").doesNotContain("Sort");
		List<String> definition = this.jdbc.queryForList(
				"select indexdef from pg_indexes where indexname = 'audit_event_chain'", String.class);
		assertThat(definition).singleElement().asString().contains("WHERE (chain_seq IS NOT NULL)");
	}

}
