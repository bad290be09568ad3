package io.audittrail.capture;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.audittrail.core.Action;
import io.audittrail.core.AuditEvent;

/**
 * What one transaction has to write to the audit log when it completes. Used by one thread.
 */
final class PendingEvents {

	final List<AuditEvent> succeeded = new ArrayList<>();

	final List<AuditEvent> failed = new ArrayList<>();

	final List<Stored> stored = new ArrayList<>();

	private final Map<EntityKey, EntityChange> changes = new LinkedHashMap<>();

	LongSupplier revision;

	EventContext revisionContext;

	int depth;

	boolean tenantNamed;

	String tenant;

	boolean covered;

	boolean hooked;

	boolean flushed;

	/**
	 * Notes that an entity changed in the revision. Envers may report one entity more than once (a
	 * collection change reports its owner again); each entity keeps one change: a creation or a
	 * deletion outweighs an update.
	 */
	void entityChanged(EntityChange change) {
		this.changes.merge(new EntityKey(change.entityType(), change.entityId()), change,
				(known, latest) -> (latest.action() == Action.UPDATE) ? known : latest);
	}

	/** The entities that changed in the revision, one change each, in the order they first changed. */
	Collection<EntityChange> changes() {
		return this.changes.values();
	}

	Long revisionId() {
		return (this.revision != null) ? this.revision.getAsLong() : null;
	}

	/** A range of the succeeded events that a consumer wants back as stored. */
	record Stored(int from, int count, Consumer<List<AuditEvent>> consumer) {

	}

	record EntityChange(String entityType, String entityId, Action action) {

	}

	private record EntityKey(String entityType, String entityId) {

	}

}
