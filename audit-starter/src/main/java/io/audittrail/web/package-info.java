/**
 * The audit log's JSON API under {@code audit.web.base-path}: the list, an entry with its
 * changes, an entity's history, revert, CSV export, the catalog and column preferences,
 * the verification of the hash chains and the signed checkpoints, proofs and evidence
 * bundles, with access control and RFC 9457 problem details; its auto-configuration and
 * that of the filter chain protecting it.
 */
package io.audittrail.web;
