package io.audittrail.retention;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import io.audittrail.capture.StarterOperations;
import io.audittrail.evidence.AuditEvidence;
import io.audittrail.integrity.AuditIntegrity;
import io.audittrail.integrity.ChainSealing;
import io.audittrail.integrity.IntegrityReport;
import io.audittrail.spi.TenantRetentionPolicy;
import io.audittrail.store.CheckpointStore;
import io.audittrail.store.RetentionStore;
import io.audittrail.store.SignedCheckpoint;
import io.audittrail.testapp.Article;
import io.audittrail.testapp.ArticleService;
import io.audittrail.testapp.AuditRows;
import io.audittrail.testapp.OfflineVerifier;
import io.audittrail.testapp.TestApplication;
import io.audittrail.verifier.ConsistencyProof;
import io.audittrail.verifier.Merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What retention leaves of the audit log: per tenant, only what is younger than its
 * period, with its chain still verifiable and its Envers history still readable.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class RetentionIntegrationTests {

	static final Instant NOW = Instant.now();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	ChainSealing sealer;

	@Autowired
	AuditIntegrity integrity;

	@Autowired
	AuditTables auditTables;

	@Autowired
	RetentionStore retentionStore;

	@Autowired
	StarterOperations operations;

	@Autowired
	ArticleService articles;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	RetentionJob configuredJob;

	@Autowired
	AuditEvidence evidence;

	@Autowired
	CheckpointStore checkpointStore;

	AuditRows rows;

	String tenant;

	@BeforeEach
	void newTenant() {
		this.sealer = ChainSealing.of(this.context);
		this.rows = new AuditRows(this.jdbc);
		this.tenant = "t-" + UUID.randomUUID();
	}

	@AfterEach
	void leaveTenant() {
		TestApplication.TENANT.remove();
		SecurityContextHolder.clearContext();
	}

	@Test
	void tenantRetentionBelowOneDayIsClampedToOneDay() {
		RetentionJob job = job(1, (tenant) -> tenant.equals(this.tenant) ? -5 : null);
		this.rows.events(this.tenant, 3, daysAgo(2));
		this.rows.events(this.tenant, 2, NOW.minus(Duration.ofHours(20)));
		this.sealer.seal();

		RetentionReport report = job.purge();

		assertThat(job.retentionDays(this.tenant)).isEqualTo(1);
		assertThat(job.retentionDays(null)).isEqualTo(1);
		assertThat(purgeOf(report, this.tenant)).isEqualTo(new RetentionReport.TenantPurge(this.tenant, 1, 3, 0));
		assertThat(this.rows.count(this.tenant)).isEqualTo(2 + 1);
	}

	@Test
	void tenantPolicyOverridesTheSystemDefault() {
		String other = this.tenant + "-other";
		RetentionJob job = job(30, (tenant) -> tenant.equals(this.tenant) ? 10 : null);
		this.rows.events(this.tenant, 4, daysAgo(20));
		this.rows.events(other, 4, daysAgo(20));
		this.rows.events(other, 2, daysAgo(40));
		this.sealer.seal();

		RetentionReport report = job.purge();

		assertThat(purgeOf(report, this.tenant)).isEqualTo(new RetentionReport.TenantPurge(this.tenant, 10, 4, 0));
		assertThat(this.rows.count(this.tenant)).isEqualTo(1);
		assertThat(purgeOf(report, other)).isEqualTo(new RetentionReport.TenantPurge(other, 30, 0, 0));
		assertThat(this.rows.count(other)).isEqualTo(6);
	}

	@Test
	void systemLevelEntriesUseTheSystemDefault() {
		RetentionJob job = job(30, (tenant) -> 1);
		this.rows.events(null, 2, daysAgo(40));
		this.rows.events(null, 3, daysAgo(20));
		this.rows.events(this.tenant, 3, daysAgo(20));
		this.sealer.seal();

		RetentionReport report = job.purge();

		RetentionReport.TenantPurge system = purgeOf(report, null);
		assertThat(system.retentionDays()).isEqualTo(30);
		assertThat(system.purgedEvents()).isGreaterThanOrEqualTo(2);
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where tenant is null and occurred_at < ?",
				Long.class, NOW.minus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC)))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where tenant is null and occurred_at < ?",
				Long.class, NOW.minus(Duration.ofDays(19)).atOffset(ZoneOffset.UTC)))
			.isGreaterThanOrEqualTo(3);
		assertThat(purgeOf(report, this.tenant)).isEqualTo(new RetentionReport.TenantPurge(this.tenant, 1, 3, 0));
		this.sealer.seal();
		assertThat(this.integrity.verify(null).verified()).isTrue();
	}

	@Test
	void purgesFiftyThousandEventsWithTheirRevisionsInBatches(CapturedOutput output) {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		RetentionJob job = new RetentionJob(this.retentionStore, this.auditTables, only(this.tenant, 30),
				new RetentionJob.Settings(null, 1000), this.operations, this.evidence::checkpointNow, meters,
				Clock.systemUTC());
		this.rows.eventsWithRevisions(this.tenant, 50_000, daysAgo(40));
		this.rows.eventsWithRevisions(this.tenant, 10, daysAgo(5));
		this.sealer.seal();

		RetentionReport report = job.purge();

		assertThat(purgeOf(report, this.tenant))
			.isEqualTo(new RetentionReport.TenantPurge(this.tenant, 30, 50_000, 50_000));
		assertThat(this.rows.count(this.tenant)).isEqualTo(10 + 1);
		assertThat(this.rows.revisions(this.tenant)).isEqualTo(10);
		assertThat(this.rows.articleHistory(this.tenant)).isEqualTo(10);
		assertThat(this.rows.orphanedArticleHistory()).isZero();
		assertThat(meters.get("audit.retention.purged.events").counter().count()).isEqualTo(50_000);
		assertThat(meters.get("audit.retention.purged.revisions").counter().count()).isEqualTo(50_000);
		assertThat(output).contains("Audit retention removed 50000 event(s) and 50000 revision(s) of tenant '"
				+ this.tenant + "', older than 30 day(s)");
		Map<String, Object> record = this.jdbc.queryForMap(
				"select operation, actor_type, details from audit_event where tenant = ? and operation = ?",
				this.tenant, "audit.retention.purge");
		assertThat(record).containsValues("audit.retention.purge", "SYSTEM",
				"{\"purged_events\":\"50000\",\"purged_revisions\":\"50000\",\"retention_days\":\"30\"}");
		this.sealer.seal();
		assertThat(this.integrity.verify(this.tenant)).isEqualTo(new IntegrityReport(true, 11, null, 0));
	}

	@Test
	void twoConcurrentRunsRemoveEachEventOnce() throws Exception {
		this.rows.eventsWithRevisions(this.tenant, 5_000, daysAgo(40));
		this.sealer.seal();
		RetentionJob first = job(null, only(this.tenant, 30));
		RetentionJob second = job(null, only(this.tenant, 30));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService runners = Executors.newFixedThreadPool(2);
		try {
			Future<RetentionReport> one = runners.submit(() -> {
				start.await();
				return first.purge();
			});
			Future<RetentionReport> two = runners.submit(() -> {
				start.await();
				return second.purge();
			});
			start.countDown();
			List<RetentionReport> reports = List.of(one.get(), two.get());

			long events = reports.stream()
				.flatMap((report) -> report.tenants().stream())
				.filter((purge) -> this.tenant.equals(purge.tenant()))
				.mapToLong(RetentionReport.TenantPurge::purgedEvents)
				.sum();
			long revisions = reports.stream()
				.flatMap((report) -> report.tenants().stream())
				.filter((purge) -> this.tenant.equals(purge.tenant()))
				.mapToLong(RetentionReport.TenantPurge::purgedRevisions)
				.sum();
			assertThat(events).isEqualTo(5_000);
			assertThat(revisions).isEqualTo(5_000);
		}
		finally {
			runners.shutdown();
		}
		assertThat(this.jdbc.queryForList("select details from audit_event where tenant = ? and operation = ?",
				String.class, this.tenant, "audit.retention.purge"))
			.containsExactly("{\"purged_events\":\"5000\",\"purged_revisions\":\"5000\",\"retention_days\":\"30\"}");
		this.sealer.seal();
		assertThat(this.integrity.verify(this.tenant)).isEqualTo(new IntegrityReport(true, 1, null, 0));
	}

	@Test
	void anotherRunHoldingTheLockMakesThisRunSkip() throws Exception {
		this.rows.events(this.tenant, 3, daysAgo(40));
		this.sealer.seal();
		RetentionJob job = job(null, only(this.tenant, 30));
		try (var connection = this.jdbc.getDataSource().getConnection()) {
			connection.setAutoCommit(false);
			connection.createStatement()
				.executeQuery("select name from audit_job_lock where name = 'retention' for update");

			assertThat(job.purge()).isEqualTo(new RetentionReport(false, List.of()));
			connection.rollback();
		}
		assertThat(purgeOf(job.purge(), this.tenant).purgedEvents()).isEqualTo(3);
	}

	@Test
	void enversStillShowsTheOldestKeptRevision() throws Exception {
		TestApplication.TENANT.set(this.tenant);
		Article article = this.articles.create("First title", "first note");
		this.articles.changeStatus(article.getId(), "PUBLISH");
		Thread.sleep(20);
		Instant between = Instant.now();
		Thread.sleep(20);
		this.articles.editPublished(article.getId());
		this.sealer.seal();
		RetentionJob job = new RetentionJob(this.retentionStore, this.auditTables, only(this.tenant, 1),
				new RetentionJob.Settings(null, 1000), this.operations, this.evidence::checkpointNow, null,
				Clock.fixed(between.plus(Duration.ofDays(1)), ZoneOffset.UTC));

		RetentionReport report = job.purge();

		assertThat(purgeOf(report, this.tenant)).isEqualTo(new RetentionReport.TenantPurge(this.tenant, 1, 2, 2));
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			AuditReader reader = AuditReaderFactory.get(entityManager);
			List<Number> revisions = reader.getRevisions(Article.class, article.getId());
			assertThat(revisions).hasSize(1);
			Article oldestKept = reader.find(Article.class, article.getId(), revisions.get(0));
			assertThat(oldestKept.getTitle()).isEqualTo("First title");
			assertThat(oldestKept.getStatus()).isEqualTo("PUBLISHED_AND_DRAFT");
		}
		assertThat(this.rows.orphanedArticleHistory()).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from note_aud a where not exists "
				+ "(select 1 from audit_revision r where r.id = a.rev)", Long.class))
			.isZero();
		this.sealer.seal();
		assertThat(this.integrity.verify(this.tenant)).isEqualTo(new IntegrityReport(true, 2, null, 0));
	}

	@Test
	void tamperingAfterACheckpointIsStillFound() {
		this.rows.events(this.tenant, 20, daysAgo(40));
		this.rows.events(this.tenant, 6, daysAgo(5));
		this.sealer.seal();
		job(null, only(this.tenant, 30)).purge();
		this.sealer.seal();
		assertThat(this.integrity.verify(this.tenant)).isEqualTo(new IntegrityReport(true, 7, null, 0));
		List<Long> kept = this.rows.ids(this.tenant);

		this.jdbc.update("update audit_event set actor_name = 'someone@else.test' where id = ?", kept.get(2));
		assertThat(this.integrity.verify(this.tenant).firstBrokenId()).isEqualTo(kept.get(2));
		this.jdbc.update("update audit_event set actor_name = 'editor@demo.test' where id = ?", kept.get(2));
		assertThat(this.integrity.verify(this.tenant).verified()).isTrue();

		this.rows.swapContents(kept.get(1), kept.get(4));
		assertThat(this.integrity.verify(this.tenant).firstBrokenId()).isEqualTo(kept.get(1));
		this.rows.swapContents(kept.get(1), kept.get(4));
		assertThat(this.integrity.verify(this.tenant).verified()).isTrue();

		this.jdbc.update("delete from audit_event where id = ?", kept.get(0));
		assertThat(this.integrity.verify(this.tenant)).isEqualTo(new IntegrityReport(false, 1, kept.get(1), 0));
	}

	@Test
	void checkpointsBeforeAndAfterAPurgeAreProvablyConsistent() {
		this.rows.events(this.tenant, 4, daysAgo(40));
		this.sealer.seal();
		SignedCheckpoint first = this.evidence.checkpointNow(this.tenant).orElseThrow();
		this.rows.events(this.tenant, 5, daysAgo(40));
		this.rows.events(this.tenant, 2, daysAgo(5));
		this.sealer.seal();
		SignedCheckpoint second = this.evidence.checkpointNow(this.tenant).orElseThrow();

		job(null, only(this.tenant, 30)).purge();
		Long oldestKept = this.jdbc.queryForObject("select min(position) from audit_seal where chain = ?", Long.class,
				"=" + this.tenant);
		assertThat(oldestKept).as("the purge removed leaves of both checkpoints")
			.isGreaterThan(second.checkpoint().size() - 3);
		this.rows.events(this.tenant, 3, daysAgo(1));
		this.sealer.seal();
		SignedCheckpoint third = this.evidence.checkpointNow(this.tenant).orElseThrow();

		long size = this.jdbc.queryForObject("select max(position) from audit_seal where chain = ?", Long.class,
				"=" + this.tenant);
		assertThat(List.of(first, second, third)).extracting((checkpoint) -> checkpoint.checkpoint().size())
			.containsExactly(4L, 11L, size);
		assertThat(this.checkpointStore.history(this.tenant, 10)).extracting(SignedCheckpoint::note)
			.containsExactly(third.note(), second.note(), first.note());
		ConsistencyProof firstToSecond = this.checkpointStore.consistency(this.tenant, 4, 11).orElseThrow();
		ConsistencyProof secondToThird = this.checkpointStore.consistency(this.tenant, 11, size).orElseThrow();
		Merkle.verifyConsistency(firstToSecond, first.checkpoint().root(), second.checkpoint().root());
		Merkle.verifyConsistency(secondToThird, second.checkpoint().root(), third.checkpoint().root());
		assertThat(this.integrity.verify(this.tenant).verified()).isTrue();
	}

	/**
	 * After a purge, every event still stored keeps its proofs and its evidence, which
	 * the offline verifier accepts, and the chain its checkpoints: retention signs the
	 * chain before it removes leaves its latest checkpoint does not cover, and keeps the
	 * tree of the events it removed. Only a proof between trees smaller than the removed
	 * part is gone.
	 */
	@Test
	void keptEventsKeepTheirProofsAndEvidenceAfterAPurge(@TempDir Path directory) throws Exception {
		// the checkpoint schedule may sign too, at any size between
		this.rows.events(this.tenant, 2, daysAgo(40));
		this.sealer.seal();
		this.evidence.checkpointNow(this.tenant);
		this.rows.events(this.tenant, 2, daysAgo(40));
		this.rows.events(this.tenant, 2, daysAgo(5));
		this.sealer.seal();
		List<Long> ids = this.rows.ids(this.tenant);
		job(null, only(this.tenant, 30)).purge();
		this.rows.events(this.tenant, 1, daysAgo(1));
		this.sealer.seal();
		this.evidence.checkpointNow(this.tenant);
		List<SignedCheckpoint> history = this.checkpointStore.history(this.tenant, 10);
		assertThat(history).extracting((checkpoint) -> checkpoint.checkpoint().size())
			.as("signed before the purge at 6, and at 8 after it (the purge is an entry of the chain too)")
			.startsWith(8L)
			.contains(6L, 2L);
		for (int older = 1; older < history.size(); older++) {
			Merkle.verifyConsistency(
					this.checkpointStore
						.consistency(this.tenant, history.get(older).checkpoint().size(),
								history.get(older - 1).checkpoint().size())
						.orElseThrow(),
					history.get(older).checkpoint().root(), history.get(older - 1).checkpoint().root());
		}
		SignedCheckpoint before = this.checkpointStore.find(this.tenant, 6).orElseThrow();
		SignedCheckpoint after = history.get(0);
		MockMvc mvc = signedInAuditor();

		mvc.perform(get("/audit/api/events/" + ids.get(0) + "/proof"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("application/problem+json"));
		for (SignedCheckpoint checkpoint : List.of(before, after)) {
			mvc.perform(get("/audit/api/events/" + ids.get(4) + "/proof").param("checkpoint",
					String.valueOf(checkpoint.checkpoint().size())))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.position").value(5));
		}
		mvc.perform(get("/audit/api/consistency").param("tenant", this.tenant).param("from", "6").param("to", "8"))
			.andExpect(status().isOk());
		mvc.perform(get("/audit/api/consistency").param("tenant", this.tenant).param("from", "2").param("to", "8"))
			.andExpect(status().isGone())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.detail").value(containsString("ask for the proofs between the checkpoints")));

		MvcResult started = mvc
			.perform(get("/audit/api/evidence.zip").param("tenant", this.tenant).param("from", daysAgo(60).toString()))
			.andExpect(request().asyncStarted())
			.andReturn();
		MvcResult result = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn();
		assertThat(OfflineVerifier.verifyBundle(directory, result.getResponse().getContentAsByteArray(),
				this.evidence.verifierKeys()))
			.contains("events:     4 (positions 5 to 8)");
		assertThat(this.rows.ids(this.tenant)).contains(ids.get(4), ids.get(5)).doesNotContain(ids.get(0));
	}

	/**
	 * A checkpoint signed before a purge proves consistent with one signed long after it,
	 * though the pair is not consecutive and the purge removed leaves past the older one:
	 * the proof goes over the tree retention kept.
	 */
	@Test
	void checkpointsAcrossAPurgeProveConsistentOverThePurgedTree() throws Exception {
		// the checkpoint schedule may sign too, at any size between
		this.rows.events(this.tenant, 2, daysAgo(40));
		this.sealer.seal();
		this.evidence.checkpointNow(this.tenant);
		this.rows.events(this.tenant, 1, daysAgo(40));
		this.rows.events(this.tenant, 1, daysAgo(5));
		this.sealer.seal();
		job(null, only(this.tenant, 30)).purge();
		this.rows.events(this.tenant, 1, daysAgo(1));
		this.sealer.seal();
		this.evidence.checkpointNow(this.tenant);
		assertThat(this.checkpointStore.history(this.tenant, 10))
			.extracting((checkpoint) -> checkpoint.checkpoint().size())
			.startsWith(6L)
			.contains(4L, 2L);
		SignedCheckpoint older = this.checkpointStore.find(this.tenant, 2).orElseThrow();
		SignedCheckpoint newer = this.checkpointStore.find(this.tenant, 6).orElseThrow();
		MockMvc mvc = signedInAuditor();

		String answer = mvc
			.perform(get("/audit/api/consistency").param("tenant", this.tenant).param("from", "2").param("to", "6"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		String proof = JsonMapper.builder().build().readTree(answer).get("proof").asString();
		Merkle.verifyConsistency(ConsistencyProof.parse(proof, 2, 6), older.checkpoint().root(),
				newer.checkpoint().root());
	}

	@Test
	void expiredEventsArePurgedEvenWhenNoCheckpointCanBeSignedFirst(CapturedOutput output) {
		this.rows.events(this.tenant, 3, daysAgo(40));
		this.sealer.seal();
		List<Long> expired = this.rows.ids(this.tenant);
		RetentionJob job = new RetentionJob(this.retentionStore, this.auditTables, only(this.tenant, 30),
				new RetentionJob.Settings(null, 100), this.operations, (tenant) -> {
					throw new IllegalStateException("the signing key cannot be read");
				}, null, Clock.systemUTC());

		assertThat(purgeOf(job.purge(), this.tenant).purgedEvents()).isEqualTo(3);

		assertThat(this.rows.ids(this.tenant)).doesNotContainAnyElementsOf(expired);
		assertThat(output).contains("could not sign a checkpoint of the chain of tenant '" + this.tenant + "'")
			.contains("the signing key cannot be read");
	}

	@Test
	void configuredJobKeepsEverythingWithoutARetentionPeriod() {
		this.rows.events(this.tenant, 2, daysAgo(4000));
		this.sealer.seal();

		RetentionReport report = this.configuredJob.purge();

		assertThat(report.ran()).isTrue();
		assertThat(report.tenants()).isEmpty();
		assertThat(this.rows.count(this.tenant)).isEqualTo(2);
	}

	/** The JSON API, for an auditor who reads every tenant. */
	private MockMvc signedInAuditor() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("auditor@demo.test", null,
					AuthorityUtils.createAuthorityList("viewAuditLog")));
		return MockMvcBuilders.webAppContextSetup((WebApplicationContext) this.context).build();
	}

	private RetentionJob job(Integer defaultDays, TenantRetentionPolicy policy) {
		return new RetentionJob(this.retentionStore, this.auditTables, policy,
				new RetentionJob.Settings(defaultDays, 100), this.operations, this.evidence::checkpointNow, null,
				Clock.systemUTC());
	}

	private static TenantRetentionPolicy only(String tenant, int days) {
		// other tenants of the shared database are kept far longer than anything the
		// tests write
		return (candidate) -> candidate.equals(tenant) ? days : 100_000;
	}

	private static Instant daysAgo(int days) {
		return NOW.minus(Duration.ofDays(days));
	}

	private static RetentionReport.TenantPurge purgeOf(RetentionReport report, String tenant) {
		return report.tenants()
			.stream()
			.filter((purge) -> Objects.equals(purge.tenant(), tenant))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No purge of " + tenant + " in " + report));
	}

}
