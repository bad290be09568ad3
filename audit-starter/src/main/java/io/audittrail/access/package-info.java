/**
 * Who may read and revert the audit log: the one decision the JSON API, the admin pages and the
 * integrity and evidence endpoints ask, and the {@link io.audittrail.access.TenantAccessPolicy} an
 * application implements to say which tenants each reader may see and revert.
 */
package io.audittrail.access;
