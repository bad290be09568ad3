package io.audittrail.capture;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.catalog.OperationDefinition;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.EntityRef;
import io.audittrail.core.Outcome;
import io.audittrail.core.RequestInfo;

/**
 * Turns the entity changes of a revision that no audited call covers into events of the
 * catalog's generic entity operations, when the application records them. Thread-safe.
 */
final class UnannotatedChangeEvents {

	private final OperationCatalog catalog;

	private final boolean enabled;

	private final Clock clock;

	private final RequestCapture requests;

	/**
	 * @param catalog the catalog, for the operations of entity changes
	 * @param enabled whether such changes are recorded at all
	 * @param clock the clock for the events
	 * @param requests the HTTP request part of the events
	 */
	UnannotatedChangeEvents(OperationCatalog catalog, boolean enabled, Clock clock, RequestCapture requests) {
		this.catalog = catalog;
		this.enabled = enabled;
		this.clock = clock;
		this.requests = requests;
	}

	/**
	 * The events of the transaction's uncovered changes, in its revision; none before it
	 * has one.
	 */
	List<AuditEvent> events(PendingEvents pending, Long revision) {
		EventContext context = pending.revision.context();
		if (!this.enabled || context == null) {
			return List.of();
		}
		Collection<ChangedEntities.EntityChange> changes = pending.entities.uncovered();
		RequestInfo request = changes.isEmpty() ? null : this.requests.recordCurrentRequest();
		List<AuditEvent> events = new ArrayList<>(changes.size());
		for (ChangedEntities.EntityChange change : changes) {
			OperationDefinition operation = this.catalog.entityOperation(change.entityType(), change.action());
			events.add(new AuditEvent(null, this.clock.instant(), context.tenant(), operation.id(), operation.target(),
					operation.action(), Outcome.SUCCESS, context.actor(), context.origin().ip(),
					new EntityRef(change.entityType(), change.entityId(), null), null, null,
					context.origin().requestId(), revision, request, context.trace()));
		}
		return events;
	}

}
