package io.audittrail.catalog;

import java.util.List;
import java.util.Objects;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import io.audittrail.core.Action;

/**
 * One operation of the catalog.
 *
 * @param id the operation id, {@code <target>.<name>}, such as
 * {@code "content.update_publication_date"}
 * @param target the target id, such as {@code "content"}
 * @param name the operation's name within its target, such as
 * {@code "update_publication_date"}
 * @param action the kind of change the operation makes
 * @param details the detail items the operation records, in catalog order
 * @param revertible whether a change recorded under this operation may be reverted
 * @param authority the authority a reader needs in the entry's tenant to revert a change
 * recorded under this operation (the one the application asks to perform it), or
 * {@code null} when the revert authority suffices
 * @param source where the operation is declared, for error messages
 */
@API(status = Status.INTERNAL, since = "0.2")
public record OperationDefinition(String id, String target, String name, Action action, List<String> details,
		boolean revertible, String authority, String source) {

	public OperationDefinition {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(target, "target must not be null");
		Objects.requireNonNull(action, "action must not be null");
		details = List.copyOf(details);
	}

	/** An operation whose reverts need no authority beyond the revert authority. */
	public OperationDefinition(String id, String target, String name, Action action, List<String> details,
			boolean revertible, String source) {
		this(id, target, name, action, details, revertible, null, source);
	}

}
