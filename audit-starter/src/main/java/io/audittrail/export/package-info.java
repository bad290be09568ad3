/**
 * Exporting the audit log as CSV, streamed row by row in constant memory.
 */
package io.audittrail.export;
