/**
 * The operation catalog: the documented list of targets, operations and detail items,
 * read from {@code audit/operations.yml} files, with labels in English and Japanese.
 */
package io.audittrail.catalog;
