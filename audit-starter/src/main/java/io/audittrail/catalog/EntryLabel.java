package io.audittrail.catalog;

import java.util.Locale;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import io.audittrail.core.AuditEvent;
import io.audittrail.core.RequestInfo;

/**
 * What an entry is called in the list and the exports: its operation's label, or for a
 * captured API request that ran no operation, the request itself, such as
 * {@code POST /api/v1/blogs → 403}.
 */
@API(status = Status.INTERNAL, since = "0.2")
public final class EntryLabel {

	/** The operation of API requests that ran no audited operation. */
	public static final String REQUEST_OPERATION = "http.request";

	private EntryLabel() {
	}

	/** The label of the entry in the given language. */
	public static String of(AuditEvent event, OperationCatalog catalog, Locale locale) {
		RequestInfo request = event.request();
		if (REQUEST_OPERATION.equals(event.operation()) && request != null && request.method() != null) {
			String label = request.method() + " " + ((request.path() != null) ? request.path() : "");
			return (request.status() != null) ? label + " → " + request.status() : label;
		}
		return catalog.operationLabel(event.operation(), locale);
	}

}
