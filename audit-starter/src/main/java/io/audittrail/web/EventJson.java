package io.audittrail.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.RequestInfo;
import io.audittrail.core.TraceContext;
import io.audittrail.query.EntityChange;
import io.audittrail.query.HistoryEntry;

/**
 * Renders events, changes and history entries in the JSON shapes of the API: maps keep the field
 * order and write absent parts as {@code null}.
 */
final class EventJson {

	private final OperationCatalog catalog;

	EventJson(OperationCatalog catalog) {
		this.catalog = catalog;
	}

	Map<String, Object> event(AuditEvent event, Locale locale) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", event.id());
		json.put("occurredAt", event.occurredAt().toString());
		json.put("tenant", event.tenant());
		json.put("operation", event.operation());
		json.put("operationLabel", this.catalog.operationLabel(event.operation(), locale));
		json.put("target", event.target());
		json.put("action", event.action().name());
		json.put("outcome", event.outcome().name());
		Map<String, Object> actor = new LinkedHashMap<>();
		actor.put("type", event.actor().type().name());
		actor.put("id", event.actor().id());
		actor.put("name", event.actor().name());
		json.put("actor", actor);
		json.put("ip", event.ip());
		Map<String, Object> entity = null;
		if (event.entity() != null) {
			entity = new LinkedHashMap<>();
			entity.put("type", event.entity().type());
			entity.put("id", event.entity().id());
			entity.put("name", event.entity().name());
		}
		json.put("entity", entity);
		json.put("details", event.details());
		json.put("request", request(event.request()));
		json.put("revision", event.revision());
		json.put("trace", trace(event.trace()));
		return json;
	}

	Map<String, Object> detail(AuditEvent event, List<EntityChange> changes, Locale locale) {
		Map<String, Object> json = event(event, locale);
		json.put("error", event.error());
		json.put("requestId", event.requestId());
		json.put("changes", changes.stream().map(EventJson::change).toList());
		return json;
	}

	Map<String, Object> history(String entityType, String entityId, List<HistoryEntry> entries, Locale locale) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("entityType", entityType);
		json.put("entityId", entityId);
		List<Map<String, Object>> items = new ArrayList<>();
		for (HistoryEntry entry : entries) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("occurredAt", entry.occurredAt().toString());
			item.put("revision", entry.revision());
			Map<String, Object> actor = new LinkedHashMap<>();
			actor.put("type", entry.actor().type().name());
			actor.put("id", entry.actor().id());
			actor.put("name", entry.actor().name());
			item.put("actor", actor);
			item.put("event", (entry.event() != null) ? event(entry.event(), locale) : null);
			item.put("change", (entry.change() != null) ? change(entry.change()) : null);
			items.add(item);
		}
		json.put("items", items);
		return json;
	}

	static Map<String, Object> change(EntityChange change) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("entityType", change.entityType());
		json.put("entityId", change.entityId());
		json.put("kind", change.kind());
		json.put("before", change.before());
		json.put("after", change.after());
		json.put("changedFields", change.changedFields());
		return json;
	}

	private static Map<String, Object> trace(TraceContext trace) {
		if (trace == null) {
			return null;
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("traceId", trace.traceId());
		json.put("spanId", trace.spanId());
		return json;
	}

	private static Map<String, Object> request(RequestInfo request) {
		if (request == null) {
			return null;
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("method", request.method());
		json.put("path", request.path());
		json.put("status", request.status());
		json.put("resource", request.resource());
		json.put("authType", request.authType());
		request.detail().forEach(json::putIfAbsent);
		return json;
	}

}
