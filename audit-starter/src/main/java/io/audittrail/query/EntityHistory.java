package io.audittrail.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.audittrail.core.AuditEvent;
import io.audittrail.store.EventQuery;

/**
 * The history of one entity: its events and its Envers revisions merged, oldest first, including
 * changes that no audited call made.
 */
public final class EntityHistory {

	private final EventQuery events;

	private final EntityChanges changes;

	public EntityHistory(EventQuery events, EntityChanges changes) {
		this.events = events;
		this.changes = changes;
	}

	/**
	 * The entity's history as the scope may see it, or empty when nothing is known of the entity.
	 * @param entityType the entity type (the JPA entity name)
	 * @param entityId the entity's id as text
	 * @param scope the tenants the reader may see
	 */
	public Optional<List<HistoryEntry>> of(String entityType, String entityId, TenantScope scope) {
		List<AuditEvent> entityEvents = this.events.forEntity(entityType, entityId, scope);
		List<EntityRevision> revisions = this.changes.revisionsOf(entityType, entityId)
			.orElse(List.of())
			.stream()
			.filter((revision) -> scope.includes(revision.tenant()))
			.toList();
		if (entityEvents.isEmpty() && revisions.isEmpty()) {
			return Optional.empty();
		}
		Map<Long, List<AuditEvent>> byRevision = new LinkedHashMap<>();
		for (AuditEvent event : this.events.forRevisions(revisions.stream().map(EntityRevision::revision).toList(),
				scope)) {
			byRevision.computeIfAbsent(event.revision(), (key) -> new ArrayList<>()).add(event);
		}
		List<HistoryEntry> entries = new ArrayList<>();
		Set<Long> used = new HashSet<>();
		for (EntityRevision revision : revisions) {
			AuditEvent event = byRevision.getOrDefault(revision.revision(), List.of())
				.stream()
				.min(Comparator.comparing((AuditEvent candidate) -> !isAbout(candidate, entityType, entityId))
					.thenComparing(AuditEvent::id))
				.orElse(null);
			if (event != null) {
				used.add(event.id());
				entries.add(new HistoryEntry(event.occurredAt(), revision.revision(), event.actor(), event,
						revision.change()));
			}
			else {
				entries.add(new HistoryEntry(revision.timestamp(), revision.revision(), revision.actor(), null,
						revision.change()));
			}
		}
		for (AuditEvent event : entityEvents) {
			if (!used.contains(event.id())) {
				entries.add(new HistoryEntry(event.occurredAt(), event.revision(), event.actor(), event, null));
			}
		}
		entries.sort(Comparator.comparing(HistoryEntry::occurredAt)
			.thenComparing(HistoryEntry::revision, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing((entry) -> (entry.event() != null) ? entry.event().id() : Long.MAX_VALUE));
		return Optional.of(List.copyOf(entries));
	}

	private static boolean isAbout(AuditEvent event, String entityType, String entityId) {
		return event.entity() != null && Objects.equals(event.entity().type(), entityType)
				&& Objects.equals(event.entity().id(), entityId);
	}

}
