package io.audittrail.integrity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

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
import io.audittrail.core.TenantScope;

import static io.audittrail.StarterAutoConfigurations.auditAutoConfiguration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader verifies only the chains their scope covers: one who reads every tenant but
 * not the system-level entries learns nothing of the system-level chain, neither that it
 * is broken, nor where, nor how many of its events are checked or still unsealed.
 */
class ScopedVerificationTests {

	private final SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(),
			"jdbc:h2:mem:scoped-verification;DB_CLOSE_DELAY=-1", "sa", "");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(auditAutoConfiguration("AuditStoreAutoConfiguration"),
				AuditIntegrityAutoConfiguration.class))
		.withBean(DataSource.class, () -> this.dataSource)
		.withPropertyValues("audit.integrity.seal-interval=1h", "audit.integrity.full-verification-interval=0s");

	@Test
	void theSystemLevelChainIsVerifiedAndCountedOnlyForScopesThatIncludeIt() {
		this.runner.run((context) -> {
			// only this test seals: the schedule's first run starts with the context
			context.getBean(SealingSchedule.class).stop();
			AuditEventStore events = context.getBean(AuditEventStore.class);
			JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
			events.append(List.of(event("acme"), event("acme"), event("globex"), event(null), event(null)));
			context.getBean(ChainSealer.class).seal();
			events.append(List.of(event("acme"), event(null), event(null)));
			long systemEvent = jdbc.queryForObject("select min(id) from audit_event where tenant is null", Long.class);
			jdbc.update("update audit_event set entity_name = 'Forged' where id = ?", systemEvent);

			AuditIntegrity integrity = context.getBean(AuditIntegrity.class);
			assertThat(integrity.verifyLatestIn(TenantScope.allTenants()))
				.isEqualTo(new IntegrityReport(true, 3, null, 1));
			assertThat(integrity.verifyLatestIn(TenantScope.only(Set.of("acme"))))
				.isEqualTo(new IntegrityReport(true, 2, null, 1));
			assertThat(integrity.verifyLatestIn(TenantScope.only(Set.of("acme")).withSystem(true)))
				.isEqualTo(new IntegrityReport(false, 3, systemEvent, 3));
			assertThat(integrity.verifyLatestIn(TenantScope.everything()))
				.isEqualTo(new IntegrityReport(false, 4, systemEvent, 3));
		});
	}

	private static AuditEvent event(String tenant) {
		return new AuditEvent(null, Instant.now(), tenant, "content.update", "content", Action.UPDATE, Outcome.SUCCESS,
				new Actor(ActorType.MEMBER, "m-1", "editor@demo.test"), null, null, Map.of(), null, null, null, null,
				null);
	}

}
