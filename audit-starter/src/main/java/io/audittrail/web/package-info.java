/**
 * What an admin or auditor reaches over HTTP under {@code audit.web.base-path}: the JSON
 * API (the list, an entry with its changes, an entity's history read from Envers, revert,
 * CSV export, the catalog and column preferences, the verification of the hash chains and
 * the signed checkpoints, proofs and evidence bundles, with RFC 9457 problem details),
 * the admin pages, and the one access decision all of them ask ({@link AuditAccess}),
 * with their auto-configurations and that of the filter chain protecting them. Reverting
 * an entry restores the entities of its Envers revision to their previous state through
 * JPA, recorded as the operation {@code audit.revert}.
 */
package io.audittrail.web;
