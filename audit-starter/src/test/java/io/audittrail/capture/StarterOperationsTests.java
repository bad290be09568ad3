package io.audittrail.capture;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.core.Action;
import io.audittrail.core.Actor;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.AuditEventStore;
import io.audittrail.core.FailurePolicy;
import io.audittrail.core.Outcome;
import io.audittrail.core.RequestInfo;
import io.audittrail.core.RequestOrigin;
import io.audittrail.core.TraceContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The starter's own operations recorded without Spring: outside any transaction they are
 * written at once and returned as the store stored them.
 */
class StarterOperationsTests {

	private static final TraceContext TRACE = new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");

	private static final RequestInfo REQUEST = new RequestInfo("GET", "/audit/api/events.csv", null, null, null, null);

	private final OperationCatalog catalog = OperationCatalog.load(new PathMatchingResourcePatternResolver(),
			List.of(OperationCatalog.DEFAULT_LOCATION));

	private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05.123456Z"), ZoneOffset.UTC);

	private final List<AuditEvent> stored = new ArrayList<>();

	private final List<String> requestsRecorded = new ArrayList<>();

	private boolean storeDown;

	private final AuditEventStore store = new AuditEventStore() {

		@Override
		public void append(List<AuditEvent> events) {
			appendReturningIds(events);
		}

		@Override
		public List<AuditEvent> appendReturningIds(List<AuditEvent> events) {
			if (StarterOperationsTests.this.storeDown) {
				throw new IllegalStateException("store down");
			}
			List<AuditEvent> withIds = new ArrayList<>();
			for (AuditEvent event : events) {
				withIds.add(new AuditEvent(100L + StarterOperationsTests.this.stored.size(), event.occurredAt(),
						event.tenant(), event.operation(), event.target(), event.action(), event.outcome(),
						event.actor(), event.ip(), event.entity(), event.details(), event.error(), event.requestId(),
						event.revision(), event.request(), event.trace()));
				StarterOperationsTests.this.stored.add(withIds.get(withIds.size() - 1));
			}
			return withIds;
		}

	};

	private StarterOperations operations(FailurePolicy policy, boolean recordFailures) {
		TransactionalEventWriter writer = new TransactionalEventWriter(this.store, this.catalog,
				new TransactionalEventWriter.Settings(policy, true), null, null, null, this.clock,
				RequestCapture.none());
		EventContextResolver contexts = new EventContextResolver(() -> Actor.member("m-1", "auditor@demo.test"),
				() -> "resolved-tenant", () -> new RequestOrigin("198.51.100.4", "r1"), () -> {
					this.requestsRecorded.add("r1");
					return REQUEST;
				}, () -> TRACE);
		return new StarterOperations(this.catalog, contexts, writer, null, recordFailures, this.clock);
	}

	@Test
	void recordsTheOperationWithTheCallersContextInItsOwnTenantAndReturnsItAsStored() {
		Optional<AuditEvent> recorded = operations(FailurePolicy.FAIL, true)
			.record(StarterOperation.export("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "", "t-1"));

		assertThat(this.stored).singleElement().satisfies((event) -> {
			assertThat(recorded).contains(event);
			assertThat(event.id()).isEqualTo(100L);
			assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
			assertThat(event.operation()).isEqualTo("audit.export");
			assertThat(event.target()).isEqualTo("audit");
			assertThat(event.action()).isEqualTo(Action.OTHER);
			assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
			assertThat(event.tenant()).isEqualTo("t-1");
			assertThat(event.actor()).isEqualTo(Actor.member("m-1", "auditor@demo.test"));
			assertThat(event.ip()).isEqualTo("198.51.100.4");
			assertThat(event.requestId()).isEqualTo("r1");
			assertThat(event.request()).isEqualTo(REQUEST);
			assertThat(event.trace()).isEqualTo(TRACE);
			assertThat(event.entity()).isNull();
			assertThat(event.details()).containsExactly(Map.entry("export_from", "2026-01-01T00:00:00Z"),
					Map.entry("export_to", "2026-02-01T00:00:00Z"), Map.entry("export_filters", ""));
		});
		assertThat(this.requestsRecorded).containsExactly("r1");
	}

	@Test
	void aRetentionPurgeIsTheSystemsWhoeverStartedIt() {
		AuditEvent recorded = operations(FailurePolicy.FAIL, true)
			.record(StarterOperation.retentionPurge(null, 30, 12, 3))
			.orElseThrow();

		assertThat(recorded.actor()).isEqualTo(Actor.system());
		assertThat(recorded.tenant()).isNull();
		assertThat(recorded.action()).isEqualTo(Action.DELETE);
		assertThat(recorded.details()).containsExactly(Map.entry("purged_events", "12"),
				Map.entry("purged_revisions", "3"), Map.entry("retention_days", "30"));
	}

	@Test
	void anEntryThatCannotBeWrittenFailsTheOperationUnderThePolicyFail() {
		this.storeDown = true;

		assertThatExceptionOfType(AuditRecordingException.class).isThrownBy(
				() -> operations(FailurePolicy.FAIL, true).record(StarterOperation.retentionPurge("t-1", 1, 1, 0)));
	}

	@Test
	void anEntryThatCannotBeWrittenIsLostAndNotReturnedUnderThePolicyLog() {
		this.storeDown = true;

		assertThat(operations(FailurePolicy.LOG, true).record(StarterOperation.retentionPurge("t-1", 1, 1, 0)))
			.isEmpty();
	}

	@Test
	void workThatThrowsIsRecordedAsAFailureAndItsExceptionGoesOn() {
		StarterOperations operations = operations(FailurePolicy.FAIL, true);
		AuditEvent reverted = new AuditEvent(7L, this.clock.instant(), "t-1", "content.update", "content",
				Action.UPDATE, Outcome.SUCCESS, Actor.system(), null, null, null, null, null, 3L, null);

		assertThatIllegalStateException().isThrownBy(() -> operations.perform(StarterOperation.revert(reverted), () -> {
			throw new IllegalStateException("refused");
		})).withMessage("refused");

		assertThat(this.stored).singleElement().satisfies((event) -> {
			assertThat(event.operation()).isEqualTo("audit.revert");
			assertThat(event.outcome()).isEqualTo(Outcome.FAILURE);
			assertThat(event.error()).isEqualTo(IllegalStateException.class.getName());
			assertThat(event.tenant()).isEqualTo("t-1");
			assertThat(event.details()).containsExactly(Map.entry("reverted_event_id", "7"));
		});
	}

	@Test
	void failuresAreNotRecordedWhenSwitchedOff() {
		StarterOperations operations = operations(FailurePolicy.FAIL, false);

		assertThatIllegalStateException()
			.isThrownBy(() -> operations.perform(StarterOperation.of("audit.revert", "t-1", Map.of()), () -> {
				throw new IllegalStateException("refused");
			}));

		assertThat(this.stored).isEmpty();
	}

	@Test
	void aDetailTheCatalogDoesNotListIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> operations(FailurePolicy.FAIL, true)
				.record(StarterOperation.of("audit.export", null, Map.of("secret", "x"))))
			.withMessageContaining("'secret'");
		assertThat(this.stored).isEmpty();
	}

}
