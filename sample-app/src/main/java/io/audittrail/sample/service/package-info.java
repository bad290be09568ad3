/**
 * Services (the tenants), their settings, members, roles and permissions.
 *
 * <p>
 * Entities expose their columns as public fields: they are plain records of state, read
 * by the JSON views and by the {@code @Audited} expressions alike.
 */
package io.audittrail.sample.service;
