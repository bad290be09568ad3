package io.audittrail.catalog;

import java.util.List;

/**
 * One target of the catalog and its operations.
 *
 * @param id the target id, such as {@code "content"}
 * @param entityType the entity type that the target's operations act on, such as the JPA entity
 * name {@code "Content"}; may be {@code null}
 * @param operations the target's operations, in catalog order
 */
public record TargetDefinition(String id, String entityType, List<OperationDefinition> operations) {

	public TargetDefinition {
		operations = List.copyOf(operations);
	}

}
