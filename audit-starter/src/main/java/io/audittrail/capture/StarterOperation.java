package io.audittrail.capture;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import io.audittrail.core.AuditEvent;

/**
 * One operation the starter performs itself, such as {@code audit.export}, as it is
 * recorded: the catalog operation, the tenant it is recorded in, its details and who it
 * is recorded for.
 *
 * @param operation the id of the operation in the catalog
 * @param tenant the tenant the entry is recorded in, {@code null} for system-level
 * @param details the entry's detail items, in order; items without a value are left out
 * @param bySystem whether the entry names the system as its actor rather than the current
 * caller
 */
@API(status = Status.INTERNAL, since = "0.2")
public record StarterOperation(String operation, String tenant, Map<String, String> details, boolean bySystem) {

	public StarterOperation {
		Objects.requireNonNull(operation, "operation must not be null");
		Map<String, String> items = new LinkedHashMap<>();
		if (details != null) {
			// like an @Audited detail that evaluates to null, a missing value is left out
			details.forEach((name, value) -> {
				if (value != null) {
					items.put(name, value);
				}
			});
		}
		details = Collections.unmodifiableMap(items);
	}

	/** The id of the download of part of the log. */
	public static final String EXPORT = "audit.export";

	/** The id of the revert of a recorded change. */
	public static final String REVERT = "audit.revert";

	/** The id of the removal of a tenant's expired entries. */
	public static final String RETENTION_PURGE = "audit.retention.purge";

	/**
	 * A download of the log: exporting moves it out of the system, so it is itself an
	 * entry, with the period and the filters.
	 * @param from the start of the exported period, as requested
	 * @param to the end of the exported period, as requested
	 * @param filters the other filters, as {@code name=value} pairs joined by {@code &}
	 * @param tenant the tenant the export is recorded in, {@code null} for system-level
	 */
	public static StarterOperation export(String from, String to, String filters, String tenant) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("export_from", from);
		details.put("export_to", to);
		details.put("export_filters", filters);
		return of(EXPORT, tenant, details);
	}

	/**
	 * The revert of the change an entry recorded, in the entry's tenant, pointing at the
	 * entry.
	 */
	public static StarterOperation revert(AuditEvent reverted) {
		return of(REVERT, reverted.tenant(), Map.of("reverted_event_id", String.valueOf(reverted.id())));
	}

	/** A retention run's removal of a tenant's entries, by the system. */
	public static StarterOperation retentionPurge(String tenant, int retentionDays, long purgedEvents,
			long purgedRevisions) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("purged_events", Long.toString(purgedEvents));
		details.put("purged_revisions", Long.toString(purgedRevisions));
		details.put("retention_days", Integer.toString(retentionDays));
		return of(RETENTION_PURGE, tenant, details).asSystem();
	}

	/** An operation performed for the current caller. */
	public static StarterOperation of(String operation, String tenant, Map<String, String> details) {
		return new StarterOperation(operation, tenant, details, false);
	}

	/**
	 * This operation as work of the system itself, such as a scheduled job, whoever
	 * started it.
	 */
	public StarterOperation asSystem() {
		return new StarterOperation(this.operation, this.tenant, this.details, true);
	}

}
