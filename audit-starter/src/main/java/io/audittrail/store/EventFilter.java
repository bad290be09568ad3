package io.audittrail.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import io.audittrail.core.Action;
import io.audittrail.core.ActorType;

/**
 * What a reader asks of the list: every part is optional ({@code null}) and the parts
 * combine with AND.
 *
 * @param from entries at or after this instant
 * @param to entries at or before this instant
 * @param actor part of the actor's name (any case), or the actor's whole id
 * @param actorType the kind of actor
 * @param action the kind of change
 * @param operation the operation id
 * @param entityType the entity type
 * @param entityId the entity id
 * @param tenant the tenant
 * @param path part of the HTTP request path
 * @param q free text, matched in part against names and ids
 * @param method the HTTP method of request entries
 * @param status the HTTP status of request entries
 * @param authType how request entries authenticated
 * @param traceId the distributed trace the entries were recorded in
 */
@API(status = Status.INTERNAL, since = "0.2")
public record EventFilter(Instant from, Instant to, String actor, ActorType actorType, Action action, String operation,
		String entityType, String entityId, String tenant, String path, String q, String method, Integer status,
		String authType, String traceId) {

	/** A filter on everything but the trace. */
	public EventFilter(Instant from, Instant to, String actor, ActorType actorType, Action action, String operation,
			String entityType, String entityId, String tenant, String path, String q, String method, Integer status,
			String authType) {
		this(from, to, actor, actorType, action, operation, entityType, entityId, tenant, path, q, method, status,
				authType, null);
	}

	/** A filter that matches every entry. */
	public static EventFilter none() {
		return new EventFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null);
	}

	/** The parts that are set, by parameter name, in a fixed order. */
	public Map<String, String> asParameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		put(parameters, "from", this.from);
		put(parameters, "to", this.to);
		put(parameters, "actor", this.actor);
		put(parameters, "actorType", this.actorType);
		put(parameters, "action", this.action);
		put(parameters, "operation", this.operation);
		put(parameters, "entityType", this.entityType);
		put(parameters, "entityId", this.entityId);
		put(parameters, "tenant", this.tenant);
		put(parameters, "path", this.path);
		put(parameters, "q", this.q);
		put(parameters, "method", this.method);
		put(parameters, "status", this.status);
		put(parameters, "authType", this.authType);
		put(parameters, "traceId", this.traceId);
		return parameters;
	}

	private static void put(Map<String, String> parameters, String name, Object value) {
		if (value != null) {
			parameters.put(name, value.toString());
		}
	}

}
