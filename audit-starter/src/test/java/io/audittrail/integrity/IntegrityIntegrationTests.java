package io.audittrail.integrity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.audittrail.evidence.AuditEvidence;
import io.audittrail.store.ChainStore;
import io.audittrail.store.CheckpointStore;
import io.audittrail.store.SealedRow;
import io.audittrail.store.SignedCheckpoint;
import io.audittrail.testapp.ArticleService;
import io.audittrail.testapp.AuditRows;
import io.audittrail.testapp.OfflineVerifier;
import io.audittrail.testapp.TestApplication;
import io.audittrail.verifier.ConsistencyProof;
import io.audittrail.verifier.InclusionProof;
import io.audittrail.verifier.LeafHashes;
import io.audittrail.verifier.Merkle;
import io.audittrail.verifier.SignedNote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.Mockito.spy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The hash chains as an auditor sees them: sealed after concurrent writes, and broken by
 * any row edited, removed or exchanged directly in the database.
 */
abstract class IntegrityIntegrationTests {

	@Autowired
	ArticleService articles;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ChainSealer sealer;

	@Autowired
	AuditIntegrity integrity;

	@Autowired
	ChainStore chains;

	@Autowired
	WebApplicationContext context;

	@Autowired
	AuditEvidence evidence;

	@Autowired
	CheckpointStore checkpointStore;

	AuditRows rows;

	String tenant;

	@BeforeEach
	void newTenant() {
		this.rows = new AuditRows(this.jdbc);
		this.tenant = "t-" + UUID.randomUUID();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void concurrentAuditedWritesFormOneVerifiedChain() throws Exception {
		ExecutorService writers = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int thread = 0; thread < 8; thread++) {
				int writer = thread;
				done.add(writers.submit(() -> {
					TestApplication.TENANT.set(this.tenant);
					try {
						for (int i = 0; i < 1000; i++) {
							this.articles.create("Article " + writer + "-" + i, "note");
						}
					}
					finally {
						TestApplication.TENANT.remove();
					}
				}));
			}
			for (Future<?> writer : done) {
				writer.get();
			}
		}
		finally {
			writers.shutdown();
		}
		this.sealer.seal();

		IntegrityReport report = this.integrity.verify(this.tenant);

		assertThat(report).isEqualTo(new IntegrityReport(true, 8000, null, 0));
		Map<String, Object> positions = this.jdbc.queryForMap(
				"select count(distinct position) as positions, "
						+ "min(position) as first, max(position) as last from audit_seal where chain = ?",
				"=" + this.tenant);
		assertThat(positions.values()).extracting((value) -> ((Number) value).longValue())
			.containsExactly(8000L, 1L, 8000L);
	}

	@Test
	void checkpointsSignTheTreeOfTheSealedChainAsItGrows() {
		this.rows.events(this.tenant, 5, Instant.now());
		this.sealer.seal();
		SignedCheckpoint first = this.evidence.checkpointNow(this.tenant).orElseThrow();
		assertThat(this.evidence.checkpointNow(this.tenant)).as("nothing new to sign").isEmpty();
		this.rows.events(this.tenant, 4, Instant.now());
		this.sealer.seal();

		SignedCheckpoint second = this.evidence.checkpointNow(this.tenant).orElseThrow();

		List<String> hashes = this.jdbc.queryForList("select hash from audit_seal where chain = ? order by position",
				String.class, "=" + this.tenant);
		LeafHashes leaves = (index) -> Merkle.leafHash(HexFormat.of().parseHex(hashes.get((int) index)));
		assertThat(first.checkpoint().size()).isEqualTo(5);
		assertThat(first.checkpoint().root()).isEqualTo(Merkle.root(5, leaves));
		assertThat(second.checkpoint().size()).isEqualTo(9);
		assertThat(second.checkpoint().root()).isEqualTo(Merkle.root(9, leaves));
		assertThat(second.checkpoint().origin()).isEqualTo("audit-trail/tenant/" + this.tenant);
		assertThat(SignedNote.parse(second.note()).verify(this.evidence.verifierKeys())).isNotEmpty();
		Map<String, Object> row = this.jdbc.queryForMap("select root_hash, note, key_id, previous_size from "
				+ "audit_checkpoint where chain = ? and tree_size = 9", "=" + this.tenant);
		assertThat(row.get("root_hash")).isEqualTo(HexFormat.of().formatHex(second.checkpoint().root()));
		assertThat(row.get("note")).isEqualTo(second.note());
		assertThat(row.get("key_id")).isEqualTo(String.format("%08x", this.evidence.signingKey().keyId()));
		assertThat(((Number) row.get("previous_size")).longValue()).isEqualTo(5);
		Merkle.verifyConsistency(this.checkpointStore.consistency(this.tenant, 5, 9).orElseThrow(),
				first.checkpoint().root(), second.checkpoint().root());
	}

	@Test
	void sealersOfSeveralInstancesNeverForkAChain() throws Exception {
		ChainSealer[] instances = { new ChainSealer(this.chains, 50, Clock.systemUTC()),
				new ChainSealer(this.chains, 50, Clock.systemUTC()) };
		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService threads = Executors.newFixedThreadPool(3);
		try {
			List<Future<?>> sealers = new ArrayList<>();
			for (ChainSealer instance : instances) {
				sealers.add(threads.submit(() -> {
					while (writing.get()) {
						instance.seal();
					}
					return instance.seal();
				}));
			}
			threads.submit(() -> {
				for (int i = 0; i < 20; i++) {
					this.rows.events(this.tenant, 100, Instant.now());
				}
				writing.set(false);
			}).get();
			for (Future<?> sealer : sealers) {
				sealer.get();
			}
		}
		finally {
			threads.shutdown();
		}

		assertThat(this.integrity.verify(this.tenant)).isEqualTo(new IntegrityReport(true, 2000, null, 0));
	}

	@Test
	void requestEventsWaitForTheirStatusUpToAMinute() {
		String insert = "insert into audit_event (occurred_at, tenant, operation, target, action, outcome, actor_type, "
				+ "http_method, http_path, http_status) values (?, ?, 'http.request', 'http', 'OTHER', 'SUCCESS', "
				+ "'ANONYMOUS', 'POST', '/api/v1/articles', ?)";
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.update(insert, now, this.tenant, null);
		this.jdbc.update(insert, now, this.tenant, 201);
		this.sealer.seal();
		assertThat(this.integrity.verify(this.tenant)).isEqualTo(new IntegrityReport(true, 1, null, 1));

		new ChainSealer(this.chains, 100, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(61))).seal();

		assertThat(this.integrity.verify(this.tenant)).isEqualTo(new IntegrityReport(true, 2, null, 0));
	}

	@Test
	void unsealedEventsOfAnIdRangeAreCountedWithoutReadingThem() {
		String insert = "insert into audit_event (occurred_at, tenant, operation, target, action, outcome, actor_type, "
				+ "http_method, http_path, http_status) values (?, ?, 'http.request', 'http', 'OTHER', 'SUCCESS', "
				+ "'ANONYMOUS', 'POST', '/api/v1/articles', ?)";
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.update(insert, now, this.tenant, null);
		this.jdbc.update(insert, now, this.tenant, 201);
		List<Long> ids = this.jdbc.queryForList("select id from audit_event where tenant = ? order by id", Long.class,
				this.tenant);
		long waiting = ids.get(0);
		long complete = ids.get(1);
		this.sealer.seal();

		assertThat(this.chains.unsealedCount(waiting - 1, waiting)).isEqualTo(1);
		assertThat(this.chains.unsealedCount(complete - 1, complete)).isZero();
		assertThat(this.chains.unsealedCount(waiting - 1, complete)).isEqualTo(1);

		new ChainSealer(this.chains, 100, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(61))).seal();

		assertThat(this.chains.unsealedCount(waiting - 1, complete)).isZero();
	}

	@Test
	void eventsAreSealedShortlyAfterCommitWithoutAnyCall() throws Exception {
		this.rows.events(this.tenant, 3, Instant.now());
		long deadline = System.currentTimeMillis() + 10_000;
		while (this.integrity.verify(this.tenant).unsealed() > 0 && System.currentTimeMillis() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.integrity.verify(this.tenant)).isEqualTo(new IntegrityReport(true, 3, null, 0));
	}

	@Test
	void editedEventIsReported() {
		List<Long> ids = sealedEvents(10);

		this.jdbc.update("update audit_event set entity_name = 'Forged' where id = ?", ids.get(4));

		assertThat(this.integrity.verify(this.tenant)).isEqualTo(new IntegrityReport(false, 5, ids.get(4), 0));
	}

	@Test
	void removedEventIsReportedAtItsSuccessor() {
		List<Long> ids = sealedEvents(10);

		this.jdbc.update("delete from audit_event where id = ?", ids.get(4));

		assertThat(this.integrity.verify(this.tenant)).isEqualTo(new IntegrityReport(false, 5, ids.get(5), 0));
	}

	@Test
	void removedNewestEventIsReportedAtItsPredecessor() {
		List<Long> ids = sealedEvents(10);

		this.jdbc.update("delete from audit_event where id = ?", ids.get(9));

		assertThat(this.integrity.verify(this.tenant)).isEqualTo(new IntegrityReport(false, 9, ids.get(8), 0));
	}

	@Test
	void eventsWithExchangedContentsAreReported() {
		List<Long> ids = sealedEvents(10);

		this.rows.swapContents(ids.get(3), ids.get(6));

		assertThat(this.integrity.verify(this.tenant)).isEqualTo(new IntegrityReport(false, 4, ids.get(3), 0));
	}

	@Test
	void eventsMovedToOtherPositionsAreReported() {
		List<Long> ids = sealedEvents(10);

		this.jdbc.update("update audit_seal set position = -position where event_id in (?, ?)", ids.get(2), ids.get(7));
		this.jdbc.update("update audit_seal set position = 8 where event_id = ?", ids.get(2));
		this.jdbc.update("update audit_seal set position = 3 where event_id = ?", ids.get(7));

		assertThat(this.integrity.verify(this.tenant).firstBrokenId()).isEqualTo(ids.get(7));
	}

	@Test
	void integrityEndpointNeedsTheViewAuthority() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		mvc.perform(get("/audit/api/integrity")).andExpect(status().isUnauthorized());

		signIn("editor@demo.test");
		mvc.perform(get("/audit/api/integrity"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType("application/problem+json"));
	}

	@Test
	void integrityEndpointReportsTheFirstBrokenEvent() throws Exception {
		List<Long> ids = sealedEvents(5);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		signIn("admin@demo.test", "viewAuditLog");

		mvc.perform(get("/audit/api/integrity").param("tenant", this.tenant))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"verified\":true,\"checked\":5,\"firstBrokenId\":null,\"unsealed\":0}", true));

		this.jdbc.update("update audit_event set details = '{\"content_id\":\"forged\"}' where id = ?", ids.get(1));
		mvc.perform(get("/audit/api/integrity").param("tenant", this.tenant))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"verified\":false,\"checked\":2,\"firstBrokenId\":" + ids.get(1) + "}"));
		mvc.perform(get("/audit/api/integrity"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.verified").value(false))
			.andExpect(jsonPath("$.checked").isNumber())
			.andExpect(jsonPath("$.firstBrokenId").isNumber());
	}

	@Test
	void integrityEndpointKeepsReadersToTheirTenants() throws Exception {
		sealedEvents(2);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		signIn("admin@demo.test", "viewAuditLog", "tenant:elsewhere");

		mvc.perform(get("/audit/api/integrity").param("tenant", this.tenant))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType("application/problem+json"));
		mvc.perform(get("/audit/api/integrity")).andExpect(status().isOk()).andExpect(jsonPath("$.checked").value(0));
	}

	@Test
	void integrityEndpointRejectsABlankTenant() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		signIn("admin@demo.test", "viewAuditLog");

		mvc.perform(get("/audit/api/integrity").param("tenant", " "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("tenant"))
			.andExpect(jsonPath("$.detail")
				.value("Parameter 'tenant' must not be blank; leave it out to verify every chain"));
	}

	@Test
	void checkpointEndpointsPublishCheckpointsAndTheirProofs() throws Exception {
		List<Long> ids = sealedEvents(3);
		SignedCheckpoint first = this.evidence.checkpointNow(this.tenant).orElseThrow();
		this.rows.events(this.tenant, 4, Instant.now());
		this.sealer.seal();
		SignedCheckpoint second = this.evidence.checkpointNow(this.tenant).orElseThrow();
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		signIn("admin@demo.test", "viewAuditLog", "tenant:" + this.tenant);

		mvc.perform(get("/audit/api/checkpoints").param("tenant", this.tenant))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.latest.size").value(7))
			.andExpect(jsonPath("$.latest.note").value(second.note()))
			.andExpect(jsonPath("$.history[*].size").value(contains(7, 3)));

		String proof = mvc.perform(get("/audit/api/events/{id}/proof", ids.get(1)).param("checkpoint", "3"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.position").value(2))
			.andExpect(jsonPath("$.checkpoint.note").value(first.note()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<byte[]> hashes = JsonPath.<List<String>>read(proof, "$.hashes")
			.stream()
			.map(Base64.getDecoder()::decode)
			.toList();
		String leaf = this.jdbc.queryForObject("select hash from audit_seal where event_id = ?", String.class,
				ids.get(1));
		Merkle.verifyInclusion(Merkle.leafHash(HexFormat.of().parseHex(leaf)), new InclusionProof(1, 3, hashes),
				first.checkpoint().root());

		String consistency = mvc
			.perform(get("/audit/api/consistency").param("tenant", this.tenant).param("from", "3").param("to", "7"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from.note").value(first.note()))
			.andExpect(jsonPath("$.to.note").value(second.note()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Merkle.verifyConsistency(ConsistencyProof.parse(JsonPath.read(consistency, "$.proof"), 3, 7),
				first.checkpoint().root(), second.checkpoint().root());
	}

	@Test
	void checkpointEndpointsKeepReadersToTheirTenants() throws Exception {
		List<Long> ids = sealedEvents(2);
		this.evidence.checkpointNow(this.tenant).orElseThrow();
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		mvc.perform(get("/audit/api/checkpoints").param("tenant", this.tenant)).andExpect(status().isUnauthorized());
		signIn("admin@demo.test", "viewAuditLog", "tenant:elsewhere");

		mvc.perform(get("/audit/api/checkpoints").param("tenant", this.tenant))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType("application/problem+json"));
		mvc.perform(get("/audit/api/checkpoints"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("You may not read the system-level audit log."));
		mvc.perform(get("/audit/api/events/{id}/proof", ids.get(0)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("application/problem+json"));
		mvc.perform(get("/audit/api/consistency").param("tenant", this.tenant).param("from", "1").param("to", "2"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType("application/problem+json"));
		mvc.perform(get("/audit/api/checkpoints").param("tenant", "elsewhere"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.history").isEmpty());
	}

	@Test
	void checkpointEndpointsNameTheirBadParameters() throws Exception {
		List<Long> ids = sealedEvents(2);
		this.evidence.checkpointNow(this.tenant).orElseThrow();
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		signIn("admin@demo.test", "viewAuditLog");

		mvc.perform(get("/audit/api/checkpoints").param("tenant", this.tenant).param("limit", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("limit"));
		mvc.perform(get("/audit/api/checkpoints").param("tenant", " "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("tenant"));
		mvc.perform(get("/audit/api/events/{id}/proof", ids.get(0)).param("checkpoint", "two"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("checkpoint"))
			.andExpect(
					jsonPath("$.detail").value("Parameter 'checkpoint' must be a whole number from 1 up, not 'two'"));
		mvc.perform(get("/audit/api/events/{id}/proof", ids.get(0)).param("checkpoint", "5"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("The chain has no checkpoint of size 5."));
		mvc.perform(get("/audit/api/consistency").param("tenant", this.tenant).param("to", "2"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("from"));
		mvc.perform(get("/audit/api/consistency").param("tenant", this.tenant).param("from", "2").param("to", "-1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("to"));
	}

	@Test
	void evidenceBundleOfAPeriodVerifiesWithTheOfflineVerifier(@TempDir Path directory) throws Exception {
		this.rows.events(this.tenant, 3, Instant.parse("2026-03-01T10:00:00Z"));
		this.rows.events(this.tenant, 4, Instant.parse("2026-03-02T10:00:00Z"));
		this.rows.events(this.tenant, 2, Instant.parse("2026-03-03T10:00:00Z"));
		this.sealer.seal();
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		signIn("admin@demo.test", "viewAuditLog", "tenant:" + this.tenant);

		MvcResult started = mvc
			.perform(get("/audit/api/evidence.zip").param("tenant", this.tenant)
				.param("from", "2026-03-02")
				.param("to", "2026-03-02"))
			.andExpect(request().asyncStarted())
			.andReturn();
		MvcResult result = mvc.perform(asyncDispatch(started))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/zip"))
			.andReturn();

		assertThat(OfflineVerifier.verifyBundle(directory, result.getResponse().getContentAsByteArray(),
				this.evidence.verifierKeys()))
			.contains("events:     4 (positions 4 to 7)");
		Path bundle = directory.resolve("evidence.zip");
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
			List<String> entries = new ArrayList<>();
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.add(entry.getName());
			}
			assertThat(entries).containsExactly("checkpoint", "events.jsonl", "proofs.jsonl");
		}
		assertThat(this.checkpointStore.latest(this.tenant)).get()
			.extracting((checkpoint) -> checkpoint.checkpoint().size())
			.as("the export signed the chain's checkpoint first")
			.isEqualTo(9L);
	}

	@Test
	void evidenceOfAChainThatLostASealIsRefusedAsAConflictAndNothingIsSigned() throws Exception {
		sealedEvents(3);
		SignedCheckpoint signed = this.evidence.checkpointNow(this.tenant).orElseThrow();
		this.rows.events(this.tenant, 2, Instant.now());
		this.sealer.seal();
		this.jdbc.update("delete from audit_seal where chain = ? and position = 4", "=" + this.tenant);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		signIn("admin@demo.test", "viewAuditLog", "tenant:" + this.tenant);

		mvc.perform(get("/audit/api/evidence.zip").param("tenant", this.tenant))
			.andExpect(status().isConflict())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.detail").value("the chain of tenant " + this.tenant
					+ " has no sealed event at position 4 (removed by retention, or never sealed), which its tree needs"));
		assertThat(this.checkpointStore.latest(this.tenant)).get()
			.extracting(SignedCheckpoint::note)
			.as("still the checkpoint signed before the seal was lost")
			.isEqualTo(signed.note());
	}

	@Test
	void evidenceBundleKeepsReadersToTheirTenantsAndNamesBadParameters() throws Exception {
		sealedEvents(2);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		signIn("admin@demo.test", "viewAuditLog", "tenant:elsewhere");
		mvc.perform(get("/audit/api/evidence.zip").param("tenant", this.tenant))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType("application/problem+json"));
		mvc.perform(get("/audit/api/evidence.zip")).andExpect(status().isForbidden());

		signIn("admin@demo.test", "viewAuditLog", "tenant:" + this.tenant);
		mvc.perform(get("/audit/api/evidence.zip").param("tenant", this.tenant).param("from", "yesterday"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("from"));
		// dates no database stores, and the last date there is, whose end of day has no
		// next day
		mvc.perform(get("/audit/api/evidence.zip").param("tenant", this.tenant).param("to", "+999999999-12-31"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("to"));
		mvc.perform(get("/audit/api/evidence.zip").param("tenant", this.tenant).param("from", "-5000-01-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("from"));
		mvc.perform(get("/audit/api/evidence.zip").param("tenant", this.tenant)
			.param("from", "2026-03-02")
			.param("to", "2026-03-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("from"));
		mvc.perform(get("/audit/api/evidence.zip").param("tenant", this.tenant).param("from", "2999-01-01"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No sealed event of the chain occurred in the period."));
	}

	@Test
	void readersTailAChainInPositionOrder() {
		List<Long> ids = sealedEvents(6);

		List<SealedRow> tail = this.chains.sealedAfter(this.tenant, 2, 3);

		assertThat(tail).extracting(SealedRow::position).containsExactly(3L, 4L, 5L);
		assertThat(tail).extracting((sealed) -> sealed.event().id())
			.containsExactly(ids.get(2), ids.get(3), ids.get(4));
		assertThat(tail).extracting(SealedRow::encoding).containsOnly("audit-event-v2");
		assertThat(tail.get(1).prevHash()).isEqualTo(tail.get(0).hash());
		assertThat(tail.get(0).prevHash()).isEqualTo(this.chains.sealAt(this.tenant, 2).orElseThrow().hash());
		assertThat(this.chains.heads()).filteredOn((head) -> this.tenant.equals(head.tenant()))
			.singleElement()
			.satisfies((head) -> assertThat(head.position()).isEqualTo(6))
			.satisfies((head) -> assertThat(head.hash())
				.isEqualTo(this.chains.sealAt(this.tenant, 6).orElseThrow().hash()));
		assertThat(this.chains.sealedAfter(this.tenant, 6, 10)).isEmpty();
	}

	@Test
	void latestVerificationGoesOnFromTheLastVerifiedPositionUntilTheNextFullWalk() {
		List<Long> ids = sealedEvents(5);
		MutableClock clock = new MutableClock();
		AuditIntegrity latest = new AuditIntegrity(this.chains, Duration.ofMinutes(10), clock);
		assertThat(latest.verifyLatest(this.tenant)).isEqualTo(new IntegrityReport(true, 5, null, 0));

		this.jdbc.update("update audit_event set entity_name = 'Forged' where id = ?", ids.get(1));
		this.rows.events(this.tenant, 3, Instant.now());
		this.sealer.seal();
		// only the three new events were read: the edit before them waits for the next
		// full walk
		assertThat(latest.verifyLatest(this.tenant)).isEqualTo(new IntegrityReport(true, 8, null, 0));

		clock.advance(Duration.ofMinutes(10));
		assertThat(latest.verifyLatest(this.tenant)).isEqualTo(new IntegrityReport(false, 2, ids.get(1), 0));
		assertThat(latest.verify(this.tenant)).isEqualTo(new IntegrityReport(false, 2, ids.get(1), 0));
	}

	@Test
	void latestVerificationFindsABreakAmongTheNewEvents() {
		sealedEvents(3);
		AuditIntegrity latest = new AuditIntegrity(this.chains, Duration.ofMinutes(10), new MutableClock());
		assertThat(latest.verifyLatest(this.tenant)).isEqualTo(new IntegrityReport(true, 3, null, 0));
		this.rows.events(this.tenant, 2, Instant.now());
		this.sealer.seal();
		List<Long> ids = this.rows.ids(this.tenant);

		this.jdbc.update("delete from audit_event where id = ?", ids.get(3));

		assertThat(latest.verifyLatest(this.tenant)).isEqualTo(new IntegrityReport(false, 4, ids.get(4), 0));
	}

	@Test
	void everyChainIsVerifiedInOneReadAndABrokenChainIsReportedAsItsOwnWalkReportsIt() {
		List<String> tenants = List.of(this.tenant + "-0", this.tenant + "-1", this.tenant + "-2", this.tenant + "-3");
		for (int i = 0; i < 6; i++) {
			tenants.forEach((tenant) -> this.rows.events(tenant, 1, Instant.now()));
		}
		this.sealer.seal();
		// these chains only, read three event ids at a time on two connections
		ChainStore only = spy(this.chains);
		willReturn(this.chains.heads()
			.stream()
			.filter((head) -> head.tenant() != null && tenants.contains(head.tenant()))
			.toList()).given(only).heads();
		willReturn(0L).given(only).unsealedCount();
		AuditIntegrity integrity = new AuditIntegrity(only, Duration.ZERO, Clock.systemUTC(),
				new WholeChains(only, 2, 3));
		assertThat(integrity.verify()).isEqualTo(new IntegrityReport(true, 24, null, 0));

		List<Long> purged = this.rows.ids(tenants.get(0));
		String checkpoint = this.chains.sealAt(tenants.get(0), 2).orElseThrow().hash();
		this.jdbc.update("delete from audit_seal where event_id in (?, ?)", purged.get(0), purged.get(1));
		this.jdbc.update("delete from audit_event where id in (?, ?)", purged.get(0), purged.get(1));
		this.jdbc.update(
				"insert into audit_chain_checkpoint (chain_key, tenant, seq, hash, purged_at) "
						+ "values (?, ?, 2, ?, ?)",
				"=" + tenants.get(0), tenants.get(0), checkpoint, OffsetDateTime.now(ZoneOffset.UTC));
		assertThat(integrity.verify()).isEqualTo(new IntegrityReport(true, 22, null, 0));

		List<Long> edited = this.rows.ids(tenants.get(1));
		List<Long> removed = this.rows.ids(tenants.get(2));
		List<Long> moved = this.rows.ids(tenants.get(3));
		this.jdbc.update("update audit_event set entity_name = 'Forged' where id = ?", edited.get(3));
		this.jdbc.update("delete from audit_event where id = ?", removed.get(1));
		this.jdbc.update("update audit_event set tenant = ? where id = ?", tenants.get(0), moved.get(4));

		IntegrityReport walks = new IntegrityReport(true, 0, null, 0);
		for (String tenant : tenants) {
			walks = walks.and(this.integrity.verify(tenant));
		}
		assertThat(walks).isEqualTo(new IntegrityReport(false, 4 + 4 + 2 + 5, edited.get(3), 0));
		assertThat(integrity.verify()).isEqualTo(walks);
	}

	private List<Long> sealedEvents(int count) {
		this.rows.events(this.tenant, count, Instant.now());
		this.sealer.seal();
		assertThat(this.integrity.verify(this.tenant)).isEqualTo(new IntegrityReport(true, count, null, 0));
		return this.rows.ids(this.tenant);
	}

	/** A clock that moves only when told. */
	private static final class MutableClock extends Clock {

		private Instant now = Instant.now();

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	private static void signIn(String name, String... authorities) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
					AuthorityUtils.createAuthorityList(authorities)));
	}

}
