package io.audittrail.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.catalog.OperationDefinition;
import io.audittrail.catalog.TargetDefinition;
import io.audittrail.store.ColumnPreferenceStore;

/**
 * What the list can show, under {@code audit.web.base-path}: the operation catalog with
 * labels in the reader's language, and the columns each reader chose.
 */
@AuditApiEndpoint
class AuditCatalogController {

	private static final List<String> FIXED_COLUMNS = List.of("occurredAt", "ip", "member", "apiKey", "operation",
			"tenant", "action", "outcome", "entity", "request", "summary");

	/**
	 * The list's columns until a reader chooses: who did what to which entity, what
	 * changed, and how it ended.
	 */
	private static final List<String> DEFAULT_COLUMNS = List.of("occurredAt", "member", "apiKey", "operation", "entity",
			"summary", "outcome");

	private static final Map<String, String> COLUMN_MESSAGES = Map.ofEntries(
			Map.entry("occurredAt", "column.occurred_at"), Map.entry("ip", "column.ip"),
			Map.entry("member", "column.member"), Map.entry("apiKey", "column.api_key"),
			Map.entry("operation", "column.operation"), Map.entry("tenant", "column.tenant"),
			Map.entry("action", "column.action"), Map.entry("outcome", "column.outcome"),
			Map.entry("entity", "column.entity"), Map.entry("request", "column.request"),
			Map.entry("summary", "column.summary"));

	/**
	 * The words the pages take from the application's messages, so that an application
	 * can rename them.
	 */
	private static final Map<String, String> VOCABULARY = Map.of("user", "column.member", "apiClient", "column.api_key",
			"tenant", "column.tenant", "entity", "column.entity");

	private final AuditAccess access;

	private final OperationCatalog catalog;

	private final ColumnPreferenceStore preferences;

	/**
	 * @param access who may read
	 * @param catalog the operation catalog
	 * @param preferences keeps the column preferences
	 */
	AuditCatalogController(AuditAccess access, OperationCatalog catalog, ColumnPreferenceStore preferences) {
		this.access = access;
		this.catalog = catalog;
		this.preferences = preferences;
	}

	@GetMapping("/operations")
	public Map<String, Object> operations(
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages) {
		this.access.requireView();
		Locale locale = RequestLanguage.of(languages, this.catalog);
		List<Map<String, Object>> targets = new ArrayList<>();
		for (TargetDefinition target : this.catalog.targets()) {
			Map<String, Object> targetJson = new LinkedHashMap<>();
			targetJson.put("id", target.id());
			targetJson.put("label", this.catalog.targetLabel(target.id(), locale));
			targetJson.put("entityType", target.entityType());
			List<Map<String, Object>> operations = new ArrayList<>();
			for (OperationDefinition operation : target.operations()) {
				Map<String, Object> operationJson = new LinkedHashMap<>();
				operationJson.put("id", operation.id());
				operationJson.put("label", this.catalog.operationLabel(operation.id(), locale));
				operationJson.put("action", operation.action().name());
				operationJson.put("details", operation.details().stream().map((item) -> item(item, locale)).toList());
				operationJson.put("revertible", operation.revertible());
				operations.add(operationJson);
			}
			targetJson.put("operations", operations);
			targets.add(targetJson);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("targets", targets);
		body.put("detailItems", this.catalog.detailItems().stream().map((item) -> item(item, locale)).toList());
		Map<String, String> vocabulary = new LinkedHashMap<>();
		VOCABULARY.forEach((word, key) -> vocabulary.put(word, this.catalog.message(key, locale)));
		body.put("vocabulary", vocabulary);
		return body;
	}

	@GetMapping("/preferences/columns")
	public Map<String, Object> columns(
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages) {
		ReaderRights reader = this.access.requireView();
		List<String> columns = this.preferences.find(reader.name()).orElse(DEFAULT_COLUMNS);
		return columnsBody(columns, RequestLanguage.of(languages, this.catalog));
	}

	@PutMapping("/preferences/columns")
	public Map<String, Object> saveColumns(@RequestBody(required = false) Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages) {
		ReaderRights reader = this.access.requireView();
		if (body == null || !(body.get("columns") instanceof List<?> requested)) {
			throw new BadParameterException("columns", "The body must be {\"columns\": [column ids]}.");
		}
		List<String> available = availableColumns();
		List<String> columns = new ArrayList<>();
		for (Object column : requested) {
			if (!(column instanceof String id) || !available.contains(id)) {
				throw new BadParameterException("columns",
						"Unknown column '" + column + "'; the columns are " + String.join(", ", available) + ".");
			}
			if (!columns.contains(id)) {
				columns.add(id);
			}
		}
		this.preferences.save(reader.name(), columns);
		return columnsBody(columns, RequestLanguage.of(languages, this.catalog));
	}

	private Map<String, Object> columnsBody(List<String> columns, Locale locale) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("columns", columns);
		List<Map<String, Object>> available = new ArrayList<>();
		for (String column : availableColumns()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", column);
			item.put("label",
					COLUMN_MESSAGES.containsKey(column) ? this.catalog.message(COLUMN_MESSAGES.get(column), locale)
							: this.catalog.detailLabel(column, locale));
			available.add(item);
		}
		body.put("available", available);
		return body;
	}

	private List<String> availableColumns() {
		List<String> columns = new ArrayList<>(FIXED_COLUMNS);
		this.catalog.detailItems().forEach(columns::add);
		return columns;
	}

	private Map<String, Object> item(String item, Locale locale) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", item);
		json.put("label", this.catalog.detailLabel(item, locale));
		return json;
	}

}
