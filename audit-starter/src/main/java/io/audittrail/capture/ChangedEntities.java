package io.audittrail.capture;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.audittrail.core.Action;

/**
 * The entities that changed in one transaction's revision, and whether an audited call of
 * the transaction covers them, having decided not to record itself. Used by one thread.
 */
final class ChangedEntities {

	private final Map<EntityKey, EntityChange> changes = new LinkedHashMap<>();

	private boolean covered;

	/**
	 * Notes that an entity changed in the revision. Envers may report one entity more
	 * than once (a collection change reports its owner again); each entity keeps one
	 * change: a creation or a deletion outweighs an update.
	 */
	void changed(String entityType, String entityId, Action action) {
		this.changes.merge(new EntityKey(entityType, entityId), new EntityChange(entityType, entityId, action),
				(known, latest) -> (latest.action() == Action.UPDATE) ? known : latest);
	}

	/**
	 * Notes that an audited call covers the transaction's changes, so that they are not
	 * recorded apart.
	 */
	void cover() {
		this.covered = true;
	}

	/**
	 * The changes no audited call covers, one per entity, in the order they first
	 * changed.
	 */
	Collection<EntityChange> uncovered() {
		return this.covered ? List.of() : this.changes.values();
	}

	record EntityChange(String entityType, String entityId, Action action) {

	}

	private record EntityKey(String entityType, String entityId) {

	}

}
