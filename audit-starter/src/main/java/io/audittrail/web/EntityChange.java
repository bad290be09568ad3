package io.audittrail.web;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * How one entity changed in one Envers revision.
 *
 * @param entityType the JPA entity name
 * @param entityId the entity's id as text
 * @param kind {@code ADD}, {@code MOD} or {@code DEL}
 * @param before the entity's state at its previous revision, or {@code null} when it did
 * not exist
 * @param after the entity's state at this revision, or {@code null} when it was deleted
 * @param changedFields the fields whose values differ between before and after
 */
record EntityChange(String entityType, String entityId, String kind, JsonNode before, JsonNode after,
		List<String> changedFields) {

	public EntityChange {
		changedFields = List.copyOf(changedFields);
	}

}
