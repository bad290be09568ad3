package io.audittrail.integrity;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.audittrail.testapp.PostgresChainTestContext;
import io.audittrail.testapp.QueryPlans;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresChainTestContext
class PostgresIntegrityIntegrationTests extends IntegrityIntegrationTests {

	@Test
	void verificationWalksTheChainInTheOrderOfItsSealKey() {
		String plan = this.jdbc.execute((Connection connection) -> QueryPlans.genericPlan(connection,
				"prepare walk(varchar, bigint) as select e.id from audit_seal s join audit_event e on e.id = s.event_id "
						+ "where s.chain = $1 and s.position > $2 order by s.position",
				"execute walk('=t', 0)"));
		assertThat(plan).contains("audit_seal_pkey").doesNotContain("Sort");
		List<String> columns = this.jdbc.queryForList(
				"select column_name from information_schema.columns "
						+ "where table_name = 'audit_event' and column_name in ('chain_seq', 'prev_hash', 'hash')",
				String.class);
		assertThat(columns).as("the event row holds no chain column").isEmpty();
	}

}
