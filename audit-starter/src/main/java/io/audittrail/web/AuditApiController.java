package io.audittrail.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncWebRequest;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.catalog.OperationDefinition;
import io.audittrail.catalog.TargetDefinition;
import io.audittrail.core.AuditEvent;
import io.audittrail.export.CsvExporter;
import io.audittrail.export.ExportRecorder;
import io.audittrail.query.CursorCodec;
import io.audittrail.query.EntityChanges;
import io.audittrail.query.EntityHistory;
import io.audittrail.query.EventFilter;
import io.audittrail.query.EventQuery;
import io.audittrail.query.TenantScope;
import io.audittrail.revert.RevertRefusedException;
import io.audittrail.revert.RevertService;

/**
 * The audit log's JSON API under {@code audit.web.base-path} (default {@code /audit}). Reading is not
 * recorded; exporting and reverting are.
 */
@RestController
@RequestMapping("${audit.web.base-path:/audit}/api")
public class AuditApiController {

	private static final List<String> FIXED_COLUMNS = List.of("occurredAt", "ip", "member", "apiKey", "operation",
			"tenant", "action", "outcome", "entity", "request");

	private static final Map<String, String> COLUMN_MESSAGES = Map.of("occurredAt", "column.occurred_at", "ip",
			"column.ip", "member", "column.member", "apiKey", "column.api_key", "operation", "column.operation",
			"tenant", "column.tenant", "action", "column.action", "outcome", "column.outcome", "entity",
			"column.entity", "request", "column.request");

	private final AuditAccessControl access;

	private final EventQuery events;

	private final EntityChanges changes;

	private final OperationCatalog catalog;

	private final CursorCodec cursors;

	private final CsvExporter csv;

	private final ExportRecorder exports;

	private final RevertService reverts;

	private final EventJson json;

	private final ColumnPreferences preferences;

	/**
	 * @param access who may read and revert
	 * @param events reads events
	 * @param changes reads entity changes from the entity history
	 * @param catalog the operation catalog, for labels
	 * @param cursors signs page cursors
	 * @param exports records CSV downloads
	 * @param reverts reverts changes; {@code null} without JPA and Envers
	 * @param dataSource keeps the column preferences
	 */
	public AuditApiController(AuditAccessControl access, EventQuery events, EntityChanges changes,
			OperationCatalog catalog, CursorCodec cursors, ExportRecorder exports, RevertService reverts,
			DataSource dataSource) {
		this.access = access;
		this.events = events;
		this.changes = changes;
		this.catalog = catalog;
		this.cursors = cursors;
		this.csv = new CsvExporter(events, catalog);
		this.exports = exports;
		this.reverts = reverts;
		this.json = new EventJson(catalog);
		this.preferences = new ColumnPreferences(dataSource);
	}

	@GetMapping("/events")
	public Map<String, Object> list(@RequestParam Map<String, String> parameters,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages) {
		TenantScope scope = this.access.requireView().scope();
		EventFilter filter = EventFilterParameters.filter(parameters);
		int limit = EventFilterParameters.limit(parameters);
		String cursor = EventFilterParameters.text(parameters, "cursor");
		Long beforeId = null;
		if (cursor != null) {
			try {
				beforeId = this.cursors.decode(cursor, filter);
			}
			catch (IllegalArgumentException ex) {
				throw new BadParameterException("cursor", ex.getMessage() + " Start again without 'cursor'.");
			}
		}
		EventQuery.EventPage page = this.events.page(filter, scope, beforeId, limit);
		Locale locale = locale(languages);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", page.items().stream().map((event) -> this.json.event(event, locale)).toList());
		body.put("next", (page.nextBeforeId() != null) ? this.cursors.encode(page.nextBeforeId(), filter) : null);
		return body;
	}

	@GetMapping("/events/{id}")
	public Map<String, Object> event(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages) {
		TenantScope scope = this.access.requireView().scope();
		AuditEvent event = find(id, scope);
		return this.json.detail(event,
				(event.revision() != null) ? this.changes.ofRevision(event.revision()) : List.of(), locale(languages));
	}

	@GetMapping("/entities/{type}/{id}/history")
	public Map<String, Object> history(@PathVariable String type, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages) {
		TenantScope scope = this.access.requireView().scope();
		return new EntityHistory(this.events, this.changes).of(type, id, scope)
			.map((entries) -> this.json.history(type, id, entries, locale(languages)))
			.orElseThrow(() -> notFound("Nothing is recorded of " + type + " " + id + "."));
	}

	@PostMapping("/events/{id}/revert")
	public Map<String, Object> revert(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages) {
		TenantScope scope = this.access.requireRevert().scope();
		AuditEvent event = find(id, scope);
		if (this.reverts == null) {
			throw new RevertRefusedException(
					"Reverting needs JPA and Hibernate Envers, which this application does not use.");
		}
		this.reverts.check(event);
		long revision = this.reverts.revert(event.id());
		AuditEvent recorded = this.events.forRevisions(List.of(revision), TenantScope.everything())
			.stream()
			.filter((candidate) -> candidate.operation().equals("audit.revert"))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new IllegalStateException("The revert of entry " + id + " was not recorded"));
		return this.json.detail(recorded, this.changes.ofRevision(revision), locale(languages));
	}

	@GetMapping("/events.csv")
	public ResponseEntity<StreamingResponseBody> csv(@RequestParam Map<String, String> parameters,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages,
			HttpServletRequest request) {
		TenantScope scope = this.access.requireView().scope();
		for (String required : List.of("from", "to")) {
			if (EventFilterParameters.text(parameters, required) == null) {
				throw new BadParameterException(required, "'" + required + "' is required: the export covers a period.");
			}
		}
		EventFilter filter = EventFilterParameters.filter(parameters);
		Map<String, String> others = new LinkedHashMap<>(filter.asParameters());
		others.remove("from");
		others.remove("to");
		List<String> pairs = new ArrayList<>();
		others.forEach((name, value) -> pairs.add(name + "=" + value));
		this.exports.exported(filter.from().toString(), filter.to().toString(), String.join("&", pairs));
		Locale locale = locale(languages);
		String name = "audit-log-" + DateTimeFormatter.ISO_LOCAL_DATE.format(filter.from().atOffset(java.time.ZoneOffset.UTC))
				+ "-" + DateTimeFormatter.ISO_LOCAL_DATE.format(filter.to().atOffset(java.time.ZoneOffset.UTC)) + ".csv";
		StreamingResponseBody body = (output) -> this.csv.write(output, filter, scope, locale);
		AsyncWebRequest download = WebAsyncUtils.getAsyncManager(request).getAsyncWebRequest();
		if (download != null) {
			// a large period over a slow link outlasts any request timeout; the download ends with the data
			download.setTimeout(-1L);
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	@GetMapping("/operations")
	public Map<String, Object> operations(
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages) {
		this.access.requireView();
		Locale locale = locale(languages);
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
		return body;
	}

	@GetMapping("/preferences/columns")
	public Map<String, Object> columns(
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages) {
		AuditLogReader reader = this.access.requireView();
		List<String> columns = this.preferences.find(reader.name()).orElse(FIXED_COLUMNS.subList(0, 5));
		return columnsBody(columns, locale(languages));
	}

	@PutMapping("/preferences/columns")
	public Map<String, Object> saveColumns(@RequestBody(required = false) Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages) {
		AuditLogReader reader = this.access.requireView();
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
		return columnsBody(columns, locale(languages));
	}

	private Map<String, Object> columnsBody(List<String> columns, Locale locale) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("columns", columns);
		List<Map<String, Object>> available = new ArrayList<>();
		for (String column : availableColumns()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", column);
			item.put("label", COLUMN_MESSAGES.containsKey(column) ? this.catalog.message(COLUMN_MESSAGES.get(column), locale)
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

	private AuditEvent find(String id, TenantScope scope) {
		Optional<AuditEvent> event = Optional.empty();
		try {
			event = this.events.find(Long.parseLong(id), scope);
		}
		catch (NumberFormatException ex) {
			// no entry has such an id
		}
		return event.orElseThrow(() -> notFound("Entry " + id + " does not exist."));
	}

	private static ErrorResponseException notFound(String detail) {
		ErrorResponseException notFound = new ErrorResponseException(HttpStatus.NOT_FOUND);
		notFound.setDetail(detail);
		return notFound;
	}

	private Locale locale(String languages) {
		if (languages != null && !languages.isBlank()) {
			try {
				Locale match = Locale.lookup(Locale.LanguageRange.parse(languages), this.catalog.locales());
				if (match != null) {
					return match;
				}
			}
			catch (IllegalArgumentException ex) {
				// a malformed header falls back to English
			}
		}
		return Locale.ENGLISH;
	}

}
