/**
 * Retention: the scheduled purge of events and their Envers history older than each
 * tenant's retention period, in bounded batches that keep the hash chains verifiable.
 */
package io.audittrail.retention;
