/**
 * The audit log's JSON API under {@code audit.web.base-path}: the list, an entry with its changes,
 * an entity's history, revert, CSV export, the catalog and column preferences, with access control
 * and RFC 9457 problem details.
 */
package io.audittrail.web;
