package io.audittrail.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class SampleApplicationIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void startsOnH2WithTheAuditSchema() {
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event", Long.class)).isNotNull();
	}

}
