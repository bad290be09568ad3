package io.audittrail.web;

import java.time.Instant;

import io.audittrail.core.Actor;
import io.audittrail.core.AuditEvent;

/**
 * One step of an entity's history: an event, a revision of the entity, or both when the
 * event's transaction made the revision.
 *
 * @param occurredAt when it happened
 * @param revision the Envers revision, or {@code null} for an event that changed no
 * entity
 * @param actor who did it
 * @param event the recorded event, or {@code null} for a change that no event describes
 * @param change how the entity changed, or {@code null} when it did not change
 */
record HistoryEntry(Instant occurredAt, Long revision, Actor actor, AuditEvent event, EntityChange change) {

}
