package io.audittrail.core;

import java.util.List;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * Appends events to the audit log. Implementations write through the current transaction
 * when there is one, so that events commit or roll back with the business change; they
 * must be thread-safe.
 */
@API(status = Status.STABLE, since = "0.2")
public interface AuditEventStore {

	/** Appends the events, in order. */
	void append(List<AuditEvent> events);

	/**
	 * Appends the events, in order, and returns them as stored, with the ids the store
	 * gave them. Stores that assign no ids may return them as given.
	 */
	default List<AuditEvent> appendReturningIds(List<AuditEvent> events) {
		append(events);
		return events;
	}

}
