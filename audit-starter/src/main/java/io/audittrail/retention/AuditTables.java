package io.audittrail.retention;

import java.util.Collection;
import java.util.List;

/**
 * The application's Envers audit tables (such as {@code article_aud}), whose rows belong
 * to the revisions that retention removes.
 */
interface AuditTables {

	/**
	 * The tables that may hold rows of a revision that changed the given entity types.
	 * @param entityTypes JPA entity names as recorded in
	 * {@code audit_revision.entity_types}; {@code null} when unknown, for every audit
	 * table
	 */
	List<String> tablesOf(Collection<String> entityTypes);

	/** No audit tables: applications without Envers. */
	static AuditTables none() {
		return (entityTypes) -> List.of();
	}

}
