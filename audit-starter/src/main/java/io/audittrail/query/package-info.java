/**
 * Reading the audit log: filters, newest-first keyset pages, one entity's history, and
 * the field-by-field changes of an Envers revision.
 */
package io.audittrail.query;
