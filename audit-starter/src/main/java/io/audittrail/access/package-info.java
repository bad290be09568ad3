/**
 * Who may read and revert the audit log: the one decision the JSON API, the admin pages
 * and the integrity and evidence endpoints ask, and its auto-configuration; it asks the
 * {@link io.audittrail.spi.TenantAccessPolicy} an application implements which tenants
 * each reader may see and revert.
 */
package io.audittrail.access;
