package io.audittrail.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import tools.jackson.databind.json.JsonMapper;

import io.audittrail.capture.StarterOperation;
import io.audittrail.capture.StarterOperations;
import io.audittrail.catalog.OperationCatalog;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.TenantScope;
import io.audittrail.export.CsvExporter;
import io.audittrail.store.EventFilter;
import io.audittrail.store.EventQuery;
import io.audittrail.store.PagePosition;

/**
 * The audit log's entries under {@code audit.web.base-path} (default {@code /audit}): the
 * list, one entry with its changes, an entity's history, revert and CSV export. Reading
 * is not recorded; exporting and reverting are.
 */
@AuditApiEndpoint
class AuditApiController {

	private final AuditAccess access;

	private final EventQuery events;

	private final Downloads downloads;

	private final EntityChanges changes;

	private final OperationCatalog catalog;

	private final CursorCodec cursors;

	private final CsvExporter csv;

	private final StarterOperations operations;

	private final RevertService reverts;

	private final EventJson json;

	private final JsonMapper jsonLines = JsonMapper.builder().build();

	/**
	 * @param access who may read and revert
	 * @param events reads events
	 * @param changes reads entity changes from the entity history
	 * @param catalog the operation catalog, for labels
	 * @param cursors signs page cursors
	 * @param operations records exports; {@code null} when nothing is recorded
	 * @param reverts reverts changes; {@code null} without JPA and Envers
	 * @param downloads how many exports may stream at once
	 */
	AuditApiController(AuditAccess access, EventQuery events, EntityChanges changes, OperationCatalog catalog,
			CursorCodec cursors, StarterOperations operations, RevertService reverts, Downloads downloads) {
		this.access = access;
		this.downloads = downloads;
		this.events = events;
		this.changes = changes;
		this.catalog = catalog;
		this.cursors = cursors;
		this.csv = new CsvExporter(events, catalog);
		this.operations = operations;
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
		boolean summaries = "true".equals(EventFilterParameters.text(parameters, "summary"));
		Set<Long> shared = summaries ? this.events.revisionsSharedBeyond(
				page.items().stream().map(AuditEvent::revision).filter(Objects::nonNull).distinct().toList(), scope)
				: Set.of();
		body.put("items", page.items().stream().map((event) -> {
			Map<String, Object> item = this.json.event(event, locale);
			if (summaries) {
				item.put("summary",
						(event.revision() != null) ? this.json.summary(event, changesOf(event, shared), locale) : null);
			}
			return item;
		}).toList());
		body.put("next", (page.next() != null) ? this.cursors.encode(page.next(), filter) : null);
		return body;
	}

	@GetMapping("/events/{id}")
	public Map<String, Object> event(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages) {
		TenantScope scope = this.access.requireView().scope();
		AuditEvent event = find(id, scope);
		Set<Long> shared = (event.revision() != null)
				? this.events.revisionsSharedBeyond(List.of(event.revision()), scope) : Set.of();
		return this.json.detail(event, changesOf(event, shared), revertsOf(event, scope),
				RequestLanguage.of(languages, this.catalog));
	}

	/**
	 * The changes of the entry's revision, none when it has none or when the revision is
	 * shared with entries the reader may not see: then it holds their changes too.
	 */
	private List<EntityChange> changesOf(AuditEvent event, Set<Long> shared) {
		return (event.revision() != null && !shared.contains(event.revision()))
				? this.changes.ofRevision(event.revision()) : List.of();
	}

	/**
	 * The reverts of an entry: they come after it, carry its id, and are few, so they are
	 * read from its time on.
	 */
	private List<AuditEvent> revertsOf(AuditEvent event, TenantScope scope) {
		EventFilter reverts = new EventFilter(event.occurredAt(), null, null, null, null, "audit.revert", null, null,
				null, null, null, null, null, null);
		List<AuditEvent> found = new ArrayList<>();
		String id = String.valueOf(event.id());
		this.events.stream(reverts, scope, (revert) -> {
			if (id.equals(revert.details().get("reverted_event_id"))) {
				found.add(revert);
			}
		});
		return found;
	}

	@GetMapping("/entities/{type}/{id}/history")
	public Map<String, Object> history(@PathVariable String type, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages) {
		TenantScope scope = this.access.requireView().scope();
		return new EntityHistory(this.events, this.changes).of(type, id, scope)
			.map((entries) -> this.json.history(type, id, entries, RequestLanguage.of(languages, this.catalog)))
			.orElseThrow(() -> notFound("Nothing is recorded of this entity."));
	}

	@PostMapping("/events/{id}/revert")
	public Map<String, Object> revert(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages) {
		AuditEvent event = this.access.requireRevert(id);
		if (this.reverts == null) {
			throw new RevertRefusedException(
					"Reverting needs JPA and Hibernate Envers, which this application does not use.");
		}
		this.reverts.check(event);
		Optional<AuditEvent> recorded;
		try {
			recorded = this.reverts.revert(event);
		}
		catch (ConcurrencyFailureException | DataIntegrityViolationException ex) {
			throw new RevertRefusedException("The entities of entry " + id
					+ " changed while it was being reverted (another revert or change ran at the same time): "
					+ "reload the entry and try again.");
		}
		AuditEvent revert = recorded
			.orElseThrow(() -> new IllegalStateException("The revert of entry " + id + " was not recorded"));
		return this.json.detail(revert,
				(revert.revision() != null) ? this.changes.ofRevision(revert.revision()) : List.of(), List.of(),
				RequestLanguage.of(languages, this.catalog));
	}

	@GetMapping("/events.csv")
	public ResponseEntity<StreamingResponseBody> csv(@RequestParam Map<String, String> parameters,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages,
			HttpServletRequest request) {
		Export export = export(parameters, languages, "csv");
		StreamingResponseBody body = (output) -> this.csv.write(output, export.filter(), export.scope(),
				export.locale(), export.zone());
		return export.slot()
			.respond(request, body, new MediaType("text", "csv", StandardCharsets.UTF_8), export.fileName());
	}

	@GetMapping("/events.jsonl")
	public ResponseEntity<StreamingResponseBody> jsonLines(@RequestParam Map<String, String> parameters,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages,
			HttpServletRequest request) {
		Export export = export(parameters, languages, "jsonl");
		StreamingResponseBody body = (output) -> {
			Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
			try {
				this.events.stream(export.filter(), export.scope(), (event) -> {
					try {
						writer.write(this.jsonLines.writeValueAsString(this.json.event(event, export.locale())));
						writer.write('\n');
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
			writer.flush();
		};
		return export.slot()
			.respond(request, body, new MediaType("application", "jsonl", StandardCharsets.UTF_8), export.fileName());
	}

	/**
	 * Checks an export's parameters and records it: the period is required, the other
	 * filters are those of the list, {@code lang} and {@code zone} say how the reader
	 * reads it.
	 */
	private Export export(Map<String, String> parameters, String languages, String format) {
		ReaderRights reader = this.access.requireView();
		TenantScope scope = reader.scope();
		for (String required : List.of("from", "to")) {
			if (EventFilterParameters.text(parameters, required) == null) {
				throw new BadParameterException(required,
						"'" + required + "' is required: the export covers a period.");
			}
		}
		EventFilter filter = EventFilterParameters.filter(parameters);
		if (filter.tenant() != null) {
			reader.requireTenant(filter.tenant());
		}
		ZoneId zone = zone(EventFilterParameters.text(parameters, "zone"));
		String lang = EventFilterParameters.text(parameters, "lang");
		Locale locale = RequestLanguage.of((lang != null) ? lang : languages, this.catalog);
		Map<String, String> others = new LinkedHashMap<>(filter.asParameters());
		others.remove("from");
		others.remove("to");
		List<String> pairs = new ArrayList<>();
		others.forEach((name, value) -> pairs.add(name + "=" + value));
		if (!"csv".equals(format)) {
			pairs.add("format=" + format);
		}
		// a download refused for want of a slot is not recorded as an export
		Downloads.Slot slot = this.downloads.take();
		try {
			if (this.operations != null) {
				for (String tenant : exportTenants(filter, scope)) {
					this.operations.record(StarterOperation.export(filter.from().toString(), filter.to().toString(),
							String.join("&", pairs), tenant));
				}
			}
		}
		catch (RuntimeException ex) {
			slot.release();
			throw ex;
		}
		String name = "audit-log-" + DateTimeFormatter.ISO_LOCAL_DATE.format(filter.from().atZone(zone)) + "-"
				+ DateTimeFormatter.ISO_LOCAL_DATE.format(filter.to().atZone(zone)) + "." + format;
		return new Export(filter, scope, locale, zone, name, slot);
	}

	private static ZoneId zone(String zone) {
		if (zone == null) {
			return ZoneOffset.UTC;
		}
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw new BadParameterException("zone",
					"'zone' must be a time zone such as Asia/Tokyo or UTC, not '" + zone + "'.");
		}
	}

	private AuditEvent find(String id, TenantScope scope) {
		Optional<AuditEvent> event = Optional.empty();
		try {
			event = this.events.find(Long.parseLong(id), scope);
		}
		catch (NumberFormatException ex) {
			// no entry has such an id
		}
		return event.orElseThrow(() -> notFound("No such entry, or not one you may read."));
	}

	private static ErrorResponseException notFound(String detail) {
		ErrorResponseException notFound = new ErrorResponseException(HttpStatus.NOT_FOUND);
		notFound.setDetail(detail);
		return notFound;
	}

	/**
	 * The tenants an export is recorded in, each one the reader may see: the one it is
	 * filtered to, else each of the reader's tenants, else (for readers of every tenant)
	 * system-level.
	 */
	private static List<String> exportTenants(EventFilter filter, TenantScope scope) {
		if (filter.tenant() != null) {
			return List.of(filter.tenant());
		}
		if (!scope.everyTenant() && !scope.tenants().isEmpty()) {
			return scope.tenants().stream().sorted().toList();
		}
		List<String> systemLevel = new ArrayList<>();
		systemLevel.add(null);
		return systemLevel;
	}

	/**
	 * An export about to be written.
	 *
	 * @param filter the entries it holds
	 * @param scope the tenants the reader may see
	 * @param locale the language of its labels
	 * @param zone the time zone of its times
	 * @param fileName the name the file is saved under
	 * @param slot the download's slot, which its response gives back
	 */
	private record Export(EventFilter filter, TenantScope scope, Locale locale, ZoneId zone, String fileName,
			Downloads.Slot slot) {

	}

}
