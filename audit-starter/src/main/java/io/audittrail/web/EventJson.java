package io.audittrail.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.EntityRef;
import io.audittrail.core.RequestInfo;
import io.audittrail.core.TraceContext;
import io.audittrail.web.FieldChanges.FieldChange;

/**
 * Renders events, changes and history entries in the JSON shapes of the API: maps keep
 * the field order and write absent parts as {@code null}. Thread-safe.
 */
@API(status = Status.INTERNAL, since = "0.2")
public final class EventJson {

	/**
	 * How many changed fields a list row's summary names before it says how many more
	 * there are.
	 */
	private static final int SUMMARY_FIELDS = 3;

	private final OperationCatalog catalog;

	private final FieldChanges fields = new FieldChanges(JsonMapper.builder().build());

	/**
	 * @param catalog labels the operations
	 */
	public EventJson(OperationCatalog catalog) {
		this.catalog = catalog;
	}

	/** An event as the list shows it. */
	public Map<String, Object> event(AuditEvent event, Locale locale) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", event.id());
		json.put("occurredAt", event.occurredAt().toString());
		json.put("tenant", event.tenant());
		json.put("operation", event.operation());
		json.put("operationLabel", this.catalog.entryLabel(event, locale));
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

	/**
	 * An event with every stored part, as the detail shows it before its entity changes.
	 */
	public Map<String, Object> stored(AuditEvent event, Locale locale) {
		Map<String, Object> json = event(event, locale);
		json.put("error", event.error());
		json.put("requestId", event.requestId());
		return json;
	}

	Map<String, Object> detail(AuditEvent event, List<EntityChange> changes, List<AuditEvent> revertedBy,
			Locale locale) {
		Map<String, Object> json = stored(event, locale);
		json.put("changes", changes.stream().map((change) -> change(change, locale)).toList());
		json.put("revertedBy", revertedBy.stream().map((revert) -> event(revert, locale)).toList());
		return json;
	}

	/**
	 * A list row's one-line account of what changed: the change of the entry's own entity
	 * (else the first), its first changed fields with their values, and how many fields
	 * and entities are left.
	 */
	Map<String, Object> summary(AuditEvent event, List<EntityChange> changes, Locale locale) {
		if (changes.isEmpty()) {
			return null;
		}
		EntityRef entity = event.entity();
		EntityChange main = changes.stream()
			.filter((change) -> entity != null && change.entityType().equals(entity.type())
					&& change.entityId().equals(entity.id()))
			.findFirst()
			.or(() -> changes.stream()
				.filter((change) -> entity != null && change.entityType().equals(entity.type()))
				.findFirst())
			.orElse(changes.get(0));
		List<FieldChange> changed = this.fields.of(main)
			.stream()
			.filter((field) -> field.changed() || (!"MOD".equals(main.kind())
					&& !(("ADD".equals(main.kind()) ? field.after() : field.before()).isNull())))
			.toList();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("entityType", main.entityType());
		json.put("entityId", main.entityId());
		json.put("kind", main.kind());
		json.put("fields",
				changed.stream()
					.limit(SUMMARY_FIELDS)
					.map((field) -> field(main.entityType(), field, locale))
					.toList());
		json.put("moreFields", Math.max(0, changed.size() - SUMMARY_FIELDS));
		json.put("otherEntities", changes.size() - 1);
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
			item.put("change", (entry.change() != null) ? change(entry.change(), locale) : null);
			items.add(item);
		}
		json.put("items", items);
		return json;
	}

	Map<String, Object> change(EntityChange change, Locale locale) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("entityType", change.entityType());
		json.put("entityId", change.entityId());
		json.put("kind", change.kind());
		json.put("before", change.before());
		json.put("after", change.after());
		json.put("changedFields", this.fields.changedPaths(change));
		json.put("fields",
				this.fields.of(change).stream().map((field) -> field(change.entityType(), field, locale)).toList());
		return json;
	}

	private Map<String, Object> field(String entityType, FieldChange field, Locale locale) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("path", field.path());
		json.put("label", fieldLabel(entityType, field.path(), locale));
		json.put("before", field.before());
		json.put("after", field.after());
		json.put("changed", field.changed());
		return json;
	}

	/**
	 * The label the application's messages give a field ({@code field.<Entity>.<path>},
	 * else {@code field.<path>}); a nested path keeps the label of its attribute, such as
	 * "Data.title"; {@code null} when the messages have none.
	 */
	private String fieldLabel(String entityType, String path, Locale locale) {
		String exact = label(entityType, path, locale);
		if (exact != null) {
			return exact;
		}
		int dot = path.indexOf('.');
		if (dot > 0) {
			String attribute = label(entityType, path.substring(0, dot), locale);
			if (attribute != null) {
				return attribute + path.substring(dot);
			}
		}
		return null;
	}

	private String label(String entityType, String path, Locale locale) {
		String specific = "field." + entityType + "." + path;
		String label = this.catalog.message(specific, locale);
		if (!label.equals(specific)) {
			return label;
		}
		String generic = "field." + path;
		label = this.catalog.message(generic, locale);
		return label.equals(generic) ? null : label;
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
