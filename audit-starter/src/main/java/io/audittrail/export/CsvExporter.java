package io.audittrail.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.core.ActorType;
import io.audittrail.core.AuditEvent;
import io.audittrail.query.EventFilter;
import io.audittrail.query.TenantScope;
import io.audittrail.store.EventQuery;

/**
 * Writes the audit log as CSV (RFC 4180, UTF-8 with a byte order mark so that spreadsheets detect
 * the encoding): a header row in the reader's language, then one row per entry, newest first. The
 * columns are those of the list: date and time, IP address, member, operation API key, operation,
 * then every detail item of the catalog in catalog order. Cells that a spreadsheet would run as a
 * formula are prefixed with a single quote. Thread-safe.
 */
public final class CsvExporter {

	private static final String BYTE_ORDER_MARK = "\uFEFF";

	private static final List<String> FIXED_COLUMNS = List.of("column.occurred_at", "column.ip", "column.member",
			"column.api_key", "column.operation");

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
		BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
		writer.write(BYTE_ORDER_MARK);
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
		printer.printRecord(header(locale));
		List<String> items = this.catalog.detailItems();
		Map<String, String> labels = new HashMap<>();
		long[] rows = new long[1];
		try {
			this.events.stream(filter, scope, (event) -> {
				try {
					printer.printRecord(row(event, items, labels, locale));
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

	/** The header row in the given language. */
	public List<String> header(Locale locale) {
		List<String> header = new ArrayList<>();
		FIXED_COLUMNS.forEach((key) -> header.add(this.catalog.message(key, locale)));
		this.catalog.detailItems().forEach((item) -> header.add(this.catalog.detailLabel(item, locale)));
		return header;
	}

	private List<String> row(AuditEvent event, List<String> items, Map<String, String> labels, Locale locale) {
		List<String> row = new ArrayList<>(5 + items.size());
		row.add(DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
		row.add(safe(event.ip()));
		row.add((event.actor().type() == ActorType.API_KEY) ? "" : safe(event.actor().name()));
		row.add((event.actor().type() == ActorType.API_KEY) ? safe(event.actor().name()) : "");
		row.add(labels.computeIfAbsent(event.operation(),
				(operation) -> safe(this.catalog.operationLabel(operation, locale))));
		for (String item : items) {
			row.add(safe(event.details().get(item)));
		}
		return row;
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
