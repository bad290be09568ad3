package io.audittrail.web;

import io.audittrail.core.TenantScope;

/**
 * The caller of the audit log's API, once access is granted.
 *
 * @param name the caller's name, such as a member's email
 * @param scope the tenants whose entries the caller may see or revert
 */
public record AuditLogReader(String name, TenantScope scope) {

}
