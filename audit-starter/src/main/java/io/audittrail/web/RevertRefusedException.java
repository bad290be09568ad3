package io.audittrail.web;

/**
 * Thrown when a change cannot be reverted; the message says why, and for a field changed
 * since, the conflict names it.
 */
class RevertRefusedException extends RuntimeException {

	private final transient FieldConflict conflict;

	public RevertRefusedException(String reason) {
		this(reason, null);
	}

	public RevertRefusedException(String reason, FieldConflict conflict) {
		super(reason);
		this.conflict = conflict;
	}

	/**
	 * The field that blocks the revert, or {@code null} when the refusal is of another
	 * kind.
	 */
	public FieldConflict getConflict() {
		return this.conflict;
	}

	/**
	 * A field that the revert would restore but that has changed since the reverted
	 * entry.
	 *
	 * @param entityType the entity type
	 * @param entityId the entity's id
	 * @param field the field's name
	 * @param currentValue the field's value now, as JSON text
	 * @param changedByEventId the entry that gave the field its current value, or
	 * {@code null} when no entry describes that change
	 * @param changedInRevision the Envers revision that gave the field its current value,
	 * or {@code null} when unknown
	 */
	public record FieldConflict(String entityType, String entityId, String field, String currentValue,
			Long changedByEventId, Long changedInRevision) {

	}

}
