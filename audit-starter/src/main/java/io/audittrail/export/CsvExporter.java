package io.audittrail.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.catalog.OperationDefinition;
import io.audittrail.core.ActorType;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.EntityRef;
import io.audittrail.core.RequestInfo;
import io.audittrail.core.TenantScope;
import io.audittrail.store.EventFilter;
import io.audittrail.store.EventQuery;

/**
 * Writes the audit log as CSV (RFC 4180, UTF-8 with a byte order mark so that
 * spreadsheets detect the encoding): a header row in the reader's language, then one row
 * per entry, newest first. The columns: date and time (in the reader's time zone, offset
 * written), IP address, user, API client, operation (a request entry as its method, path
 * and status), tenant, entity, outcome, HTTP method, path and status, then the
 * application's detail items in catalog order and the starter's own (revert, export,
 * purge) when the exported entries use them. Cells that a spreadsheet would run as a
 * formula are prefixed with a single quote. Thread-safe.
 */
@API(status = Status.INTERNAL, since = "0.2")
public final class CsvExporter {

	private static final String BYTE_ORDER_MARK = "\uFEFF";

	private static final List<String> FIXED_COLUMNS = List.of("column.occurred_at", "column.ip", "column.member",
			"column.api_key", "column.operation", "column.tenant", "column.entity", "column.outcome", "column.method",
			"column.path", "column.status", "column.trace_id");

	private static final String STARTER_TARGET = "audit";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

	private final EventQuery events;

	private final OperationCatalog catalog;

	public CsvExporter(EventQuery events, OperationCatalog catalog) {
		this.events = events;
		this.catalog = catalog;
	}

	/**
	 * Writes the matching entries to the stream, which is flushed but not closed.
	 * @return the number of rows written, header excluded
	 */
	public long write(OutputStream output, EventFilter filter, TenantScope scope, Locale locale) throws IOException {
		return write(output, filter, scope, locale, ZoneOffset.UTC);
	}

	/**
	 * Writes the matching entries to the stream, which is flushed but not closed.
	 * @param zone the time zone the times are written in
	 * @return the number of rows written, header excluded
	 */
	public long write(OutputStream output, EventFilter filter, TenantScope scope, Locale locale, ZoneId zone)
			throws IOException {
		BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
		writer.write(BYTE_ORDER_MARK);
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
		List<String> items = detailItems(filter, scope);
		printer.printRecord(header(items, locale));
		Map<String, String> labels = new HashMap<>();
		Map<String, String> outcomes = new HashMap<>();
		DateTimeFormatter time = TIME.withZone(zone);
		long[] rows = new long[1];
		try {
			this.events.stream(filter, scope, (event) -> {
				try {
					printer.printRecord(row(event, items, labels, outcomes, locale, time));
					rows[0]++;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		printer.flush();
		return rows[0];
	}

	/** The header row in the given language, with every detail item of the catalog. */
	public List<String> header(Locale locale) {
		return header(this.catalog.detailItems(), locale);
	}

	private List<String> header(List<String> items, Locale locale) {
		List<String> header = new ArrayList<>();
		FIXED_COLUMNS.forEach((key) -> header.add(this.catalog.message(key, locale)));
		items.forEach((item) -> header.add(this.catalog.detailLabel(item, locale)));
		return header;
	}

	/**
	 * The application's detail items, and the starter's own where an exported entry may
	 * carry them: one indexed look-up per operation of the starter that has detail items.
	 */
	private List<String> detailItems(EventFilter filter, TenantScope scope) {
		List<OperationDefinition> own = this.catalog.target(STARTER_TARGET)
			.map((target) -> target.operations())
			.orElse(List.of());
		Set<String> ownItems = new LinkedHashSet<>();
		own.forEach((operation) -> ownItems.addAll(operation.details()));
		Set<String> used = new LinkedHashSet<>();
		for (OperationDefinition operation : own) {
			if (operation.details().isEmpty() || used.containsAll(operation.details())
					|| (filter.operation() != null && !filter.operation().equals(operation.id()))) {
				continue;
			}
			EventFilter ofOperation = new EventFilter(filter.from(), filter.to(), filter.actor(), filter.actorType(),
					filter.action(), operation.id(), filter.entityType(), filter.entityId(), filter.tenant(),
					filter.path(), filter.q(), filter.method(), filter.status(), filter.authType());
			if (!this.events.page(ofOperation, scope, null, 1).items().isEmpty()) {
				used.addAll(operation.details());
			}
		}
		List<String> items = new ArrayList<>();
		for (String item : this.catalog.detailItems()) {
			if (!ownItems.contains(item) || used.contains(item)) {
				items.add(item);
			}
		}
		return items;
	}

	private List<String> row(AuditEvent event, List<String> items, Map<String, String> labels,
			Map<String, String> outcomes, Locale locale, DateTimeFormatter time) {
		List<String> row = new ArrayList<>(FIXED_COLUMNS.size() + items.size());
		row.add(time.format(event.occurredAt()));
		row.add(safe(event.ip()));
		row.add((event.actor().type() == ActorType.API_KEY) ? "" : safe(event.actor().name()));
		row.add((event.actor().type() == ActorType.API_KEY) ? safe(event.actor().name()) : "");
		row.add((event.request() != null && OperationCatalog.REQUEST_OPERATION.equals(event.operation()))
				? safe(this.catalog.entryLabel(event, locale)) : labels.computeIfAbsent(event.operation(),
						(operation) -> safe(this.catalog.operationLabel(operation, locale))));
		row.add(safe(event.tenant()));
		row.add(safe(entity(event.entity())));
		row.add(outcomes.computeIfAbsent(event.outcome().name(),
				(outcome) -> this.catalog.message("outcome." + outcome.toLowerCase(Locale.ROOT), locale)));
		RequestInfo request = event.request();
		row.add((request != null) ? safe(request.method()) : "");
		row.add((request != null) ? safe(request.path()) : "");
		row.add((request != null && request.status() != null) ? request.status().toString() : "");
		row.add((event.trace() != null) ? safe(event.trace().traceId()) : "");
		for (String item : items) {
			row.add(safe(event.details().get(item)));
		}
		return row;
	}

	/** An entity as "type id", with its name when it has one: "Content 124 (Hello)". */
	private static String entity(EntityRef entity) {
		if (entity == null) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		if (entity.type() != null) {
			text.append(entity.type());
		}
		if (entity.id() != null) {
			text.append((text.length() > 0) ? " " : "").append(entity.id());
		}
		if (entity.name() != null && !entity.name().equals(entity.id())) {
			text.append((text.length() > 0) ? " (" + entity.name() + ")" : entity.name());
		}
		return text.toString();
	}

	/** The cell, neutralized when a spreadsheet would read it as a formula. */
	static String safe(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			return "'" + value;
		}
		return value;
	}

}
