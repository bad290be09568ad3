package io.audittrail.web;

import java.util.List;
import java.util.Optional;

/**
 * Reads entity changes from the entity history (Hibernate Envers). Thread-safe.
 */
interface EntityChanges {

	/** How each entity of the revision changed, or nothing for an unknown revision. */
	List<EntityChange> ofRevision(long revision);

	/**
	 * Every revision of one entity, oldest first, or empty when the type is not an
	 * audited entity.
	 * @param entityType the JPA entity name
	 * @param entityId the entity's id as text
	 */
	Optional<List<EntityRevision>> revisionsOf(String entityType, String entityId);

	/** For applications without Envers: no entity changes are known. */
	static EntityChanges none() {
		return new EntityChanges() {

			@Override
			public List<EntityChange> ofRevision(long revision) {
				return List.of();
			}

			@Override
			public Optional<List<EntityRevision>> revisionsOf(String entityType, String entityId) {
				return Optional.empty();
			}

		};
	}

}
