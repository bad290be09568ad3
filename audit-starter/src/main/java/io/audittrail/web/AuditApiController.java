package io.audittrail.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncWebRequest;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.core.AuditEvent;
import io.audittrail.export.CsvExporter;
import io.audittrail.export.ExportRecorder;
import io.audittrail.query.CursorCodec;
import io.audittrail.query.EntityChanges;
import io.audittrail.query.EntityHistory;
import io.audittrail.query.EventFilter;
import io.audittrail.query.EventQuery;
import io.audittrail.query.PagePosition;
import io.audittrail.query.TenantScope;
import io.audittrail.revert.RevertRefusedException;
import io.audittrail.revert.RevertService;

/**
 * The audit log's entries under {@code audit.web.base-path} (default {@code /audit}): the list, one
 * entry with its changes, an entity's history, revert and CSV export. Reading is not recorded;
 * exporting and reverting are.
 */
@RestController
@RequestMapping("${audit.web.base-path:/audit}/api")
public class AuditApiController {

	private final AuditAccessControl access;

	private final EventQuery events;

	private final EntityChanges changes;

	private final OperationCatalog catalog;

	private final CursorCodec cursors;

	private final CsvExporter csv;

	private final ExportRecorder exports;

	private final RevertService reverts;

	private final EventJson json;

	/**
	 * @param access who may read and revert
	 * @param events reads events
	 * @param changes reads entity changes from the entity history
	 * @param catalog the operation catalog, for labels
	 * @param cursors signs page cursors
	 * @param exports records CSV downloads
	 * @param reverts reverts changes; {@code null} without JPA and Envers
	 */
	public AuditApiController(AuditAccessControl access, EventQuery events, EntityChanges changes,
			OperationCatalog catalog, CursorCodec cursors, ExportRecorder exports, RevertService reverts) {
		this.access = access;
		this.events = events;
		this.changes = changes;
		this.catalog = catalog;
		this.cursors = cursors;
		this.csv = new CsvExporter(events, catalog);
		this.exports = exports;
		this.reverts = reverts;
		this.json = new EventJson(catalog);
	}

	@GetMapping("/events")
	public Map<String, Object> list(@RequestParam Map<String, String> parameters,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages) {
		TenantScope scope = this.access.requireView().scope();
		EventFilter filter = EventFilterParameters.filter(parameters);
		int limit = EventFilterParameters.limit(parameters);
		String cursor = EventFilterParameters.text(parameters, "cursor");
		PagePosition after = null;
		if (cursor != null) {
			try {
				after = this.cursors.decode(cursor, filter);
			}
			catch (IllegalArgumentException ex) {
				throw new BadParameterException("cursor", ex.getMessage() + " Start again without 'cursor'.");
			}
		}
		EventQuery.EventPage page = this.events.page(filter, scope, after, limit);
		Locale locale = RequestLanguage.of(languages, this.catalog);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", page.items().stream().map((event) -> this.json.event(event, locale)).toList());
		body.put("next", (page.next() != null) ? this.cursors.encode(page.next(), filter) : null);
		return body;
	}

	@GetMapping("/events/{id}")
	public Map<String, Object> event(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages) {
		TenantScope scope = this.access.requireView().scope();
		AuditEvent event = find(id, scope);
		return this.json.detail(event,
				(event.revision() != null) ? this.changes.ofRevision(event.revision()) : List.of(), RequestLanguage.of(languages, this.catalog));
	}

	@GetMapping("/entities/{type}/{id}/history")
	public Map<String, Object> history(@PathVariable String type, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages) {
		TenantScope scope = this.access.requireView().scope();
		return new EntityHistory(this.events, this.changes).of(type, id, scope)
			.map((entries) -> this.json.history(type, id, entries, RequestLanguage.of(languages, this.catalog)))
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
		long revision = this.reverts.revert(event);
		AuditEvent recorded = this.events.forRevisions(List.of(revision), TenantScope.everything())
			.stream()
			.filter((candidate) -> candidate.operation().equals("audit.revert"))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new IllegalStateException("The revert of entry " + id + " was not recorded"));
		return this.json.detail(recorded, this.changes.ofRevision(revision), RequestLanguage.of(languages, this.catalog));
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
		this.exports.exported(filter.from().toString(), filter.to().toString(), String.join("&", pairs),
				exportTenant(filter, scope));
		Locale locale = RequestLanguage.of(languages, this.catalog);
		String name = "audit-log-" + DateTimeFormatter.ISO_LOCAL_DATE.format(filter.from().atOffset(ZoneOffset.UTC))
				+ "-" + DateTimeFormatter.ISO_LOCAL_DATE.format(filter.to().atOffset(ZoneOffset.UTC)) + ".csv";
		StreamingResponseBody body = (output) -> this.csv.write(output, filter, scope, locale);
		AsyncWebRequest download = WebAsyncUtils.getAsyncManager(request).getAsyncWebRequest();
		if (download != null) {
			// a large period over a slow link outlasts any request timeout; the download ends with the data
			download.setTimeout(-1L);
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
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

	static ErrorResponseException notFound(String detail) {
		ErrorResponseException notFound = new ErrorResponseException(HttpStatus.NOT_FOUND);
		notFound.setDetail(detail);
		return notFound;
	}

	/** The tenant an export is recorded in: the one it is filtered to or the reader's only one. */
	private static String exportTenant(EventFilter filter, TenantScope scope) {
		if (filter.tenant() != null) {
			return filter.tenant();
		}
		if (!scope.everyTenant() && !scope.system() && scope.tenants().size() == 1) {
			return scope.tenants().iterator().next();
		}
		return null;
	}

}
