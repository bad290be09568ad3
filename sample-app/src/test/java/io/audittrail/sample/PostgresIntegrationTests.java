package io.audittrail.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.json.JsonMapper;

import io.audittrail.sample.service.Member;
import io.audittrail.sample.service.MemberRepository;
import io.audittrail.sample.service.ServiceOperations;
import io.audittrail.sample.support.AuditLog;
import io.audittrail.testsupport.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code postgres} profile on a real PostgreSQL: the CMS migrations validate against
 * the entities, and operations are recorded with their Envers revision.
 */
@SpringBootTest
@ActiveProfiles("postgres")
class PostgresIntegrationTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry, "cms");
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	MemberRepository members;

	@Autowired
	ServiceOperations services;

	@Test
	void runsOnPostgresWithoutDemoDataAndRecordsOperationsWithTheirRevision() {
		assertThat(this.jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
		assertThat(this.jdbc.queryForObject("select count(*) from cms_service", Long.class)).isZero();
		Member owner = new Member();
		owner.email = "owner@pg.test";
		owner.passwordHash = "{noop}unused";
		this.members.save(owner);
		AuditLog log = new AuditLog(this.jdbc, this.json);
		long mark = log.lastId();

		this.services.create("pg", "On PostgreSQL", "owner@pg.test");

		assertThat(log.after(mark)).singleElement().satisfies((event) -> {
			assertThat(event.operation()).isEqualTo("service.create");
			assertThat(event.tenant()).isEqualTo("pg");
			assertThat(event.entityType()).isEqualTo("CmsService");
		});
		Long revision = this.jdbc.queryForObject("select revision_id from audit_event where id > ?", Long.class, mark);
		assertThat(this.jdbc.queryForObject("select count(*) from cms_service_aud where rev = ?", Long.class, revision))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from role_aud where rev = ?", Long.class, revision))
			.isEqualTo(4);
	}

}
