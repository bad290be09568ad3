package io.audittrail.web;

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
import io.audittrail.core.TenantScope;
import io.audittrail.store.EventQuery;

/**
 * The history of one entity: its events and its Envers revisions merged, oldest first,
 * including changes that no audited call made. An operation may record an entity under an
 * id of its own (a content's {@code hello-world}) while Envers knows it by its key
 * ({@code 124}): either id gives the same timeline, the two joined through the revisions
 * the operation's entries are bound to.
 */
final class EntityHistory {

	private final EventQuery events;

	private final EntityChanges changes;

	public EntityHistory(EventQuery events, EntityChanges changes) {
		this.events = events;
		this.changes = changes;
	}

	/**
	 * The entity's history as the scope may see it, or empty when nothing is known of the
	 * entity.
	 * @param entityType the entity type (the JPA entity name)
	 * @param entityId the entity's id as text
	 * @param scope the tenants the reader may see
	 */
	public Optional<List<HistoryEntry>> of(String entityType, String entityId, TenantScope scope) {
		List<AuditEvent> entityEvents = new ArrayList<>(this.events.forEntity(entityType, entityId, scope));
		Optional<List<EntityRevision>> known = this.changes.revisionsOf(entityType, entityId)
			.filter((found) -> !found.isEmpty());
		if (known.isEmpty()) {
			known = enversId(entityType, entityEvents).flatMap((id) -> this.changes.revisionsOf(entityType, id));
		}
		List<EntityRevision> inScope = known.orElse(List.of())
			.stream()
			.filter((revision) -> scope.includes(revision.tenant()))
			.toList();
		// a revision shared with entries the scope may not see holds their changes too
		Set<Long> shared = this.events.revisionsSharedBeyond(inScope.stream().map(EntityRevision::revision).toList(),
				scope);
		List<EntityRevision> revisions = inScope.stream()
			.filter((revision) -> !shared.contains(revision.revision()))
			.toList();
		if (entityEvents.isEmpty() && revisions.isEmpty()) {
			return Optional.empty();
		}
		Map<Long, List<AuditEvent>> byRevision = new LinkedHashMap<>();
		Set<String> recordedIds = new HashSet<>();
		recordedIds.add(entityId);
		for (AuditEvent event : this.events.forRevisions(revisions.stream().map(EntityRevision::revision).toList(),
				scope)) {
			byRevision.computeIfAbsent(event.revision(), (key) -> new ArrayList<>()).add(event);
			if (event.entity() != null && entityType.equals(event.entity().type()) && event.entity().id() != null
					&& recordedIds.add(event.entity().id())) {
				// the operation's own id for this entity: its entries without a revision
				// (failures) belong here too
				entityEvents.addAll(this.events.forEntity(entityType, event.entity().id(), scope));
			}
		}
		List<HistoryEntry> entries = new ArrayList<>();
		Set<Long> used = new HashSet<>();
		for (EntityRevision revision : revisions) {
			AuditEvent event = byRevision.getOrDefault(revision.revision(), List.of())
				.stream()
				.min(Comparator.comparing((AuditEvent candidate) -> !isAbout(candidate, entityType, recordedIds))
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
			if (used.add(event.id())) {
				entries.add(new HistoryEntry(event.occurredAt(), event.revision(), event.actor(), event, null));
			}
		}
		entries.sort(Comparator.comparing(HistoryEntry::occurredAt)
			.thenComparing(HistoryEntry::revision, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing((entry) -> (entry.event() != null) ? entry.event().id() : Long.MAX_VALUE));
		return Optional.of(List.copyOf(entries));
	}

	/**
	 * The Envers id of an entity that its entries record under an id of their own: the
	 * entity of that type changed in the newest of their revisions, if there is exactly
	 * one.
	 */
	private Optional<String> enversId(String entityType, List<AuditEvent> entityEvents) {
		return entityEvents.stream()
			.filter((event) -> event.revision() != null)
			.max(Comparator.comparing(AuditEvent::id))
			.flatMap((event) -> {
				List<String> ids = this.changes.ofRevision(event.revision())
					.stream()
					.filter((change) -> change.entityType().equals(entityType))
					.map(EntityChange::entityId)
					.distinct()
					.toList();
				return (ids.size() == 1) ? Optional.of(ids.get(0)) : Optional.empty();
			});
	}

	private static boolean isAbout(AuditEvent event, String entityType, Set<String> entityIds) {
		return event.entity() != null && Objects.equals(event.entity().type(), entityType)
				&& entityIds.contains(event.entity().id());
	}

}
