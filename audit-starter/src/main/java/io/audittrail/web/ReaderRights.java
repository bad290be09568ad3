package io.audittrail.web;

import org.springframework.http.HttpStatus;

import io.audittrail.core.TenantScope;

/**
 * The reader of the audit log, once they may read it.
 *
 * @param name the reader's name, such as a member's email
 * @param scope the tenants whose entries the reader may see
 * @param canRevert whether the reader may revert changes in some tenant (whether they may
 * revert one entry is {@link AuditAccess#mayRevert(String)})
 */
record ReaderRights(String name, TenantScope scope, boolean canRevert) {

	/**
	 * Requires the reader to see the entries of a tenant.
	 * @param tenant the tenant, {@code null} for the system-level entries
	 * @throws AuditAccessException (403) when they may not
	 */
	public void requireTenant(String tenant) {
		if (!this.scope.includes(tenant)) {
			throw new AuditAccessException(HttpStatus.FORBIDDEN,
					(tenant != null) ? "You may not read the audit log of tenant '" + tenant + "'."
							: "You may not read the system-level audit log.");
		}
	}

}
