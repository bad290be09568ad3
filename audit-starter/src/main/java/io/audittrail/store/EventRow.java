package io.audittrail.store;

import java.time.OffsetDateTime;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * An event as its columns hold it, before any parsing: what the hash chain covers. Texts
 * are exactly as stored (details and the request detail as their JSON text); the status
 * is the one recorded with the event or, for a request that completed after the event's
 * transaction, its status row.
 *
 * @param id the event's id
 * @param occurredAt when the event occurred, to the microsecond
 * @param tenant the tenant, {@code null} for system-level events
 * @param operation the operation id
 * @param target the operation's target
 * @param action the action's name
 * @param outcome the outcome's name
 * @param actorType the actor type's name
 * @param actorId the actor's id
 * @param actorName the actor's name
 * @param ip the caller's address
 * @param entityType the entity's type
 * @param entityId the entity's id
 * @param entityName the entity's name
 * @param details the details as JSON text
 * @param error the error class of a failed call
 * @param requestId the request id
 * @param revisionId the Envers revision
 * @param httpMethod the request's method
 * @param httpPath the request's path
 * @param httpStatus the response status
 * @param httpResource the handling controller
 * @param httpAuthType how the request authenticated
 * @param httpDetail the request detail as JSON text
 * @param traceId the trace id
 * @param spanId the span id
 */
@API(status = Status.INTERNAL, since = "0.2")
public record EventRow(long id, OffsetDateTime occurredAt, String tenant, String operation, String target,
		String action, String outcome, String actorType, String actorId, String actorName, String ip, String entityType,
		String entityId, String entityName, String details, String error, String requestId, Long revisionId,
		String httpMethod, String httpPath, Integer httpStatus, String httpResource, String httpAuthType,
		String httpDetail, String traceId, String spanId) {

	/** When the event occurred, in microseconds since the epoch. */
	public long occurredAtMicros() {
		return this.occurredAt.toEpochSecond() * 1_000_000L + this.occurredAt.getNano() / 1_000;
	}

}
