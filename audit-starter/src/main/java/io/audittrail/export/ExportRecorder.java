package io.audittrail.export;

import io.audittrail.annotation.Audited;
import io.audittrail.annotation.Audited.Detail;

/**
 * Records each CSV download as the operation {@code audit.export}: exporting moves the log out of
 * the system, so it is itself an entry, with the period and the filters.
 */
public class ExportRecorder {

	/**
	 * Records a download.
	 * @param from the start of the exported period, as requested
	 * @param to the end of the exported period, as requested
	 * @param filters the other filters, as {@code name=value} pairs
	 * @param tenant the tenant the export is recorded in, {@code null} for system-level
	 */
	@Audited(value = "audit.export", tenant = "#tenant", details = { @Detail(name = "export_from", value = "#from"),
			@Detail(name = "export_to", value = "#to"), @Detail(name = "export_filters", value = "#filters") })
	public void exported(String from, String to, String filters, String tenant) {
	}

}
