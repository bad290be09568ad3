package io.audittrail.core;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * One entry of the audit log: an operation of the catalog performed by an actor.
 *
 * @param id the stored id; {@code null} before the event is stored
 * @param occurredAt when the call started, to the microsecond
 * @param tenant the tenant (service, site or workspace), {@code null} for system-level
 * events
 * @param operation the operation id, such as {@code "content.create"}
 * @param target the catalog target of the operation, such as {@code "content"}
 * @param action the kind of change
 * @param outcome whether the call succeeded
 * @param actor who performed the operation
 * @param ip the caller's IP address, or {@code null}
 * @param entity the entity the operation acts on, or {@code null}
 * @param details the operation's detail items, in the order they were declared
 * @param error the error class of a failed call, or {@code null}
 * @param requestId the id of the request that caused the event, or {@code null}
 * @param revision the Envers revision of the event's transaction, or {@code null}
 * @param request the HTTP request that caused the event, or {@code null}
 * @param trace the distributed trace the event was recorded in, or {@code null}
 */
@API(status = Status.STABLE, since = "0.2")
public record AuditEvent(Long id, Instant occurredAt, String tenant, String operation, String target, Action action,
		Outcome outcome, Actor actor, String ip, EntityRef entity, Map<String, String> details, String error,
		String requestId, Long revision, RequestInfo request, TraceContext trace) {

	public AuditEvent {
		Objects.requireNonNull(occurredAt, "occurredAt must not be null");
		Objects.requireNonNull(operation, "operation must not be null");
		Objects.requireNonNull(target, "target must not be null");
		Objects.requireNonNull(action, "action must not be null");
		Objects.requireNonNull(outcome, "outcome must not be null");
		Objects.requireNonNull(actor, "actor must not be null");
		occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
		details = (details != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(details)) : Map.of();
	}

	/** An event recorded outside any known trace. */
	public AuditEvent(Long id, Instant occurredAt, String tenant, String operation, String target, Action action,
			Outcome outcome, Actor actor, String ip, EntityRef entity, Map<String, String> details, String error,
			String requestId, Long revision, RequestInfo request) {
		this(id, occurredAt, tenant, operation, target, action, outcome, actor, ip, entity, details, error, requestId,
				revision, request, null);
	}

	/** This event as a failure with the given error class. */
	public AuditEvent asFailure(String error) {
		return new AuditEvent(this.id, this.occurredAt, this.tenant, this.operation, this.target, this.action,
				Outcome.FAILURE, this.actor, this.ip, this.entity, this.details, error, this.requestId, null,
				this.request, this.trace);
	}

	/** This event bound to the given Envers revision. */
	public AuditEvent withRevision(Long revision) {
		return new AuditEvent(this.id, this.occurredAt, this.tenant, this.operation, this.target, this.action,
				this.outcome, this.actor, this.ip, this.entity, this.details, this.error, this.requestId, revision,
				this.request, this.trace);
	}

}
