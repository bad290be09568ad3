package io.audittrail.web;

import java.time.Instant;

import io.audittrail.core.Actor;

/**
 * One Envers revision of one entity.
 *
 * @param revision the revision number
 * @param timestamp when the revision was committed
 * @param tenant the tenant the revision was made for, or {@code null}
 * @param actor who made the revision
 * @param change how the entity changed in it
 */
record EntityRevision(long revision, Instant timestamp, String tenant, Actor actor, EntityChange change) {

}
