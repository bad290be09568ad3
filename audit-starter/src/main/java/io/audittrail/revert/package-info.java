/**
 * Reverting a recorded change: restores the entities of an event's Envers revision to
 * their previous state through JPA, recorded as the operation {@code audit.revert}.
 */
package io.audittrail.revert;
