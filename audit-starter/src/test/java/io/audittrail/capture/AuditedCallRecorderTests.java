package io.audittrail.capture;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.audittrail.annotation.Audited;
import io.audittrail.catalog.OperationCatalog;
import io.audittrail.core.Actor;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.FailurePolicy;
import io.audittrail.core.Outcome;
import io.audittrail.core.RequestInfo;
import io.audittrail.core.RequestOrigin;
import io.audittrail.core.TraceContext;
import io.audittrail.spi.TraceContextResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

/**
 * The recorder driven without Spring: calls outside any transaction are written at once.
 */
class AuditedCallRecorderTests {

	private final OperationCatalog catalog = OperationCatalog.load(new PathMatchingResourcePatternResolver(),
			List.of(OperationCatalog.DEFAULT_LOCATION));

	private final List<AuditEvent> stored = new ArrayList<>();

	private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05.123456789Z"), ZoneOffset.UTC);

	private final List<String> requestsRecorded = new ArrayList<>();

	private AuditedCallRecorder recorder(FailurePolicy policy, boolean failingStore) {
		TransactionalEventWriter writer = new TransactionalEventWriter((events) -> {
			if (failingStore) {
				throw new IllegalStateException("store down");
			}
			this.stored.addAll(events);
		}, this.catalog, new TransactionalEventWriter.Settings(policy, true), null, null, null, this.clock,
				RequestCapture.none());
		return new AuditedCallRecorder(new AuditedMethods(this.catalog, getClass().getClassLoader(), null),
				this.catalog, new EventContextResolver(() -> Actor.apiKey("k1", "CI key"), () -> "demo",
						() -> new RequestOrigin("198.51.100.4", "r1"), () -> {
							this.requestsRecorded.add("r1");
							return new RequestInfo("POST", "/api/v1/things", null, "ThingController", "API_KEY", null);
						}, () -> new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7")),
				writer, new AuditedCallRecorder.Settings(true, false), this.clock);
	}

	@Test
	void recordsASuccessfulCallWithItsContext() throws Throwable {
		Object result = recorder(FailurePolicy.FAIL, false).record(call("update", "c-7"));

		assertThat(result).isEqualTo("updated c-7");
		assertThat(this.stored).singleElement().satisfies((event) -> {
			assertThat(event.operation()).isEqualTo("content.update");
			assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
			assertThat(event.actor()).isEqualTo(Actor.apiKey("k1", "CI key"));
			assertThat(event.tenant()).isEqualTo("demo");
			assertThat(event.ip()).isEqualTo("198.51.100.4");
			assertThat(event.trace())
				.isEqualTo(new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"));
			assertThat(event.entity().type()).isEqualTo("Article");
			assertThat(event.entity().id()).isEqualTo("c-7");
			assertThat(event.details()).containsEntry("content_id", "c-7");
			assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
		});
	}

	@Test
	void recordsAFailedCallWithItsErrorClassAndRethrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> recorder(FailurePolicy.FAIL, false).record(call("reject", "c-8")));

		assertThat(this.stored).singleElement().satisfies((event) -> {
			assertThat(event.outcome()).isEqualTo(Outcome.FAILURE);
			assertThat(event.error()).isEqualTo(IllegalArgumentException.class.getName());
			assertThat(event.trace().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		});
	}

	@Test
	void failedCallIsRecordedWithTheExpressionsThatCouldBeEvaluatedAndTheError() {
		// '#result?.trim().length()' throws on the null result of a failed call, as
		// '#result?.api().id' does
		assertThatIllegalStateException()
			.isThrownBy(() -> recorder(FailurePolicy.FAIL, false).record(call("create", "c-10")));

		assertThat(this.stored).singleElement().satisfies((event) -> {
			assertThat(event.operation()).isEqualTo("content.create");
			assertThat(event.outcome()).isEqualTo(Outcome.FAILURE);
			assertThat(event.details()).containsExactly(entry("content_id", "c-10"));
			assertThat(event.entity()).isNull();
			assertThat(event.error())
				.isEqualTo("java.lang.IllegalStateException (not evaluated: entityId, details.note)");
			assertThat(event.request().path()).isEqualTo("/api/v1/things");
		});
		assertThat(this.requestsRecorded).hasSize(1);
	}

	@Test
	void failureThatCannotBeRecordedIsCountedAndLeavesTheRequestToItsOwnEntry() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		TransactionalEventWriter writer = new TransactionalEventWriter(this.stored::addAll, this.catalog,
				new TransactionalEventWriter.Settings(FailurePolicy.FAIL, true), null, null, meters, this.clock,
				RequestCapture.none());
		AuditedCallRecorder recorder = new AuditedCallRecorder(
				new AuditedMethods(this.catalog, getClass().getClassLoader(), null), this.catalog,
				new EventContextResolver(Actor::anonymous, () -> "demo", () -> new RequestOrigin(null, "r2"), () -> {
					this.requestsRecorded.add("r2");
					return null;
				}, TraceContextResolver.none()), writer, new AuditedCallRecorder.Settings(true, false), this.clock);

		assertThatIllegalStateException().isThrownBy(() -> recorder.record(call("computed", "c-11")))
			.withMessage("no such thing")
			.satisfies((ex) -> assertThat(ex.getSuppressed()).isEmpty());

		assertThat(this.stored).isEmpty();
		assertThat(this.requestsRecorded).isEmpty();
		assertThat(meters.counter("audit.events.lost").count()).isEqualTo(1);
	}

	@Test
	void storeFailureFailsTheCallUnderPolicyFail() {
		assertThatExceptionOfType(AuditRecordingException.class)
			.isThrownBy(() -> recorder(FailurePolicy.FAIL, true).record(call("update", "c-9")))
			.withRootCauseInstanceOf(IllegalStateException.class);
	}

	@Test
	void storeFailureIsLoggedUnderPolicyLog() throws Throwable {
		assertThat(recorder(FailurePolicy.LOG, true).record(call("update", "c-9"))).isEqualTo("updated c-9");
	}

	private AuditedCall call(String name, String id) throws NoSuchMethodException {
		Method method = Service.class.getMethod(name, String.class);
		Service target = new Service();
		return new AuditedCall() {

			@Override
			public Method method() {
				return method;
			}

			@Override
			public Class<?> targetClass() {
				return Service.class;
			}

			@Override
			public Object[] arguments() {
				return new Object[] { id };
			}

			@Override
			public Object proceed() throws Throwable {
				try {
					return method.invoke(target, id);
				}
				catch (InvocationTargetException ex) {
					throw ex.getCause();
				}
			}

		};
	}

	public static class Service {

		@Audited(value = "content.update", entityId = "#id",
				details = @Audited.Detail(name = "content_id", value = "#id"))
		public String update(String id) {
			return "updated " + id;
		}

		@Audited(value = "content.update", entityId = "#id")
		public String reject(String id) {
			throw new IllegalArgumentException("no");
		}

		@Audited(value = "content.create", entityId = "#result.trim()",
				details = { @Audited.Detail(name = "content_id", value = "#id"),
						@Audited.Detail(name = "note", value = "#result?.trim().length()") })
		public String create(String id) {
			throw new IllegalStateException("no such thing");
		}

		@Audited(value = "#{#result.isEmpty() ? 'content.create' : 'content.update'}", entityId = "#id")
		public String computed(String id) {
			throw new IllegalStateException("no such thing");
		}

	}

}
