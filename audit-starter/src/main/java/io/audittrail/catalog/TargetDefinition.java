package io.audittrail.catalog;

import java.util.List;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * One target of the catalog and its operations.
 *
 * @param id the target id, such as {@code "content"}
 * @param entityType the entity type that the target's operations act on, such as the JPA
 * entity name {@code "Content"}; may be {@code null}
 * @param operations the target's operations, in catalog order
 * @param authority the authority a reader needs in the entry's tenant to revert a change
 * of the target's entity, or {@code null} when the revert authority suffices
 */
@API(status = Status.INTERNAL, since = "0.2")
public record TargetDefinition(String id, String entityType, List<OperationDefinition> operations, String authority) {

	public TargetDefinition {
		operations = List.copyOf(operations);
	}

	/** A target whose entity's reverts need no authority beyond the revert authority. */
	public TargetDefinition(String id, String entityType, List<OperationDefinition> operations) {
		this(id, entityType, operations, null);
	}

}
