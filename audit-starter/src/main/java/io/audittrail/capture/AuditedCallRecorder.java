package io.audittrail.capture;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.EntityRef;
import io.audittrail.core.Outcome;
import io.audittrail.core.RequestInfo;

/**
 * Records calls of {@code @Audited} methods: evaluates the annotation's expressions
 * around the call and hands the events to the {@link TransactionalEventWriter}, which
 * holds them until the call's transaction commits. Plain class: the aspect only delegates
 * to it, so tests drive it without Spring.
 */
final class AuditedCallRecorder {

	private final AuditedMethods methods;

	private final OperationCatalog catalog;

	private final EventContextResolver contexts;

	private final TransactionalEventWriter writer;

	private final AuditedCallDepth calls;

	private final EventAppender appender;

	private final Settings settings;

	private final Clock clock;

	AuditedCallRecorder(AuditedMethods methods, OperationCatalog catalog, EventContextResolver contexts,
			TransactionalEventWriter writer, Settings settings, Clock clock) {
		this.methods = methods;
		this.catalog = catalog;
		this.contexts = contexts;
		this.writer = writer;
		this.calls = new AuditedCallDepth(writer);
		this.appender = writer.appender();
		this.settings = settings;
		this.clock = clock;
	}

	/** Performs the call and records it. */
	public Object record(AuditedCall call) throws Throwable {
		Optional<AuditedMethod> plan = this.methods.find(call.method(), call.targetClass());
		if (plan.isEmpty()) {
			return call.proceed();
		}
		int depth = this.calls.enter();
		try {
			if (depth > 0 && !this.settings.recordNested()) {
				return call.proceed();
			}
			return record(plan.get(), call);
		}
		finally {
			this.calls.exit();
		}
	}

	private Object record(AuditedMethod method, AuditedCall call) throws Throwable {
		Object[] arguments = call.arguments();
		Instant startedAt = this.clock.instant();
		Object before = evaluateBefore(method, arguments);
		NamedTenant tenant = nameTenant(method, arguments, before);
		Object result;
		try {
			result = call.proceed();
		}
		catch (Throwable ex) {
			recordFailure(method, arguments, before, tenant, startedAt, ex);
			throw ex;
		}
		try {
			if (method.shouldRecord(arguments, before, result, false)) {
				this.writer.write(events(method, arguments, before, tenant, result, startedAt, Outcome.SUCCESS, null));
			}
			else {
				coverEntityChanges();
			}
		}
		catch (AuditRecordingException ex) {
			this.appender.recordingFailed(ex);
		}
		return result;
	}

	private Object evaluateBefore(AuditedMethod method, Object[] arguments) {
		try {
			return method.evaluateBefore(arguments);
		}
		catch (AuditRecordingException ex) {
			this.appender.recordingFailed(ex);
			return null;
		}
	}

	private NamedTenant nameTenant(AuditedMethod method, Object[] arguments, Object before) {
		if (!method.namesTenant()) {
			return null;
		}
		try {
			NamedTenant tenant = new NamedTenant(method.evaluateTenant(arguments, before));
			this.writer.actInTenant(tenant.value());
			return tenant;
		}
		catch (AuditRecordingException ex) {
			this.appender.recordingFailed(ex);
			return null;
		}
	}

	/**
	 * Keeps the entity changes of the transaction from being recorded apart, as a call
	 * that records nothing.
	 */
	private void coverEntityChanges() {
		PendingEvents pending = this.writer.current();
		if (pending != null) {
			pending.entities.cover();
		}
	}

	/**
	 * Records a call that threw, with whatever of its expressions can be evaluated; a
	 * failure that cannot be recorded at all is logged and counted, and the call's
	 * exception goes on unchanged.
	 */
	private void recordFailure(AuditedMethod method, Object[] arguments, Object before, NamedTenant tenant,
			Instant startedAt, Throwable ex) {
		if (!this.settings.recordFailures()) {
			return;
		}
		try {
			if (!shouldRecordFailure(method, arguments, before)) {
				return;
			}
			List<String> unevaluated = new ArrayList<>();
			List<AuditedMethod.Evaluation> evaluations = new ArrayList<>();
			for (Object item : failedItems(method, arguments, before, unevaluated)) {
				evaluations.add(method.evaluateFailure(this.catalog, arguments, before, item, unevaluated));
			}
			String error = ex.getClass().getName();
			if (!unevaluated.isEmpty()) {
				error += " (not evaluated: " + String.join(", ", new LinkedHashSet<>(unevaluated)) + ")";
			}
			this.writer.writeFailures(events(evaluations, tenant, startedAt, Outcome.FAILURE, error));
		}
		catch (RuntimeException recordingFailure) {
			this.appender.failureNotRecorded(method.description(), recordingFailure);
		}
	}

	private static boolean shouldRecordFailure(AuditedMethod method, Object[] arguments, Object before) {
		try {
			return method.shouldRecord(arguments, before, null, true);
		}
		catch (RuntimeException ex) {
			// a condition that cannot be evaluated does not hide a failure
			return true;
		}
	}

	private static List<Object> failedItems(AuditedMethod method, Object[] arguments, Object before,
			List<String> unevaluated) {
		try {
			return method.items(arguments, before, null);
		}
		catch (RuntimeException ex) {
			unevaluated.add("forEach");
			return Collections.singletonList(null);
		}
	}

	private List<AuditEvent> events(AuditedMethod method, Object[] arguments, Object before, NamedTenant tenant,
			Object result, Instant startedAt, Outcome outcome, String error) {
		List<AuditedMethod.Evaluation> evaluations = new ArrayList<>();
		for (Object item : method.items(arguments, before, result)) {
			evaluations.add(method.evaluate(this.catalog, arguments, before, result, item));
		}
		return events(evaluations, tenant, startedAt, outcome, error);
	}

	/**
	 * The events of evaluated items; the request is marked recorded by them only now,
	 * once they exist.
	 */
	private List<AuditEvent> events(List<AuditedMethod.Evaluation> evaluations, NamedTenant tenant, Instant startedAt,
			Outcome outcome, String error) {
		EventContext context = this.contexts.current();
		if (tenant != null) {
			context = context.inTenant(tenant.value());
		}
		RequestInfo request = evaluations.isEmpty() ? null : this.contexts.recordRequest();
		List<AuditEvent> events = new ArrayList<>();
		for (AuditedMethod.Evaluation evaluation : evaluations) {
			EntityRef entity = (evaluation.entityId() != null || evaluation.entityName() != null)
					? new EntityRef(evaluation.entityType(), evaluation.entityId(), evaluation.entityName()) : null;
			events.add(new AuditEvent(null, startedAt, context.tenant(), evaluation.operation().id(),
					evaluation.operation().target(), evaluation.operation().action(), outcome, context.actor(),
					context.origin().ip(), entity, evaluation.details(), error, context.origin().requestId(), null,
					request, context.trace()));
		}
		return events;
	}

	/**
	 * The tenant an annotation names for its operation, which may be {@code null}
	 * (system-level).
	 */
	private record NamedTenant(String value) {

	}

	/**
	 * What the recorder records.
	 *
	 * @param recordFailures whether calls that throw are recorded as failures
	 * @param recordNested whether audited calls inside another audited call are recorded
	 * too
	 */
	public record Settings(boolean recordFailures, boolean recordNested) {

	}

}
