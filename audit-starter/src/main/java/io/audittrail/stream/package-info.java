/**
 * Streaming of the audit log: a relay that publishes every sealed event to Kafka, chain
 * by chain in chain order, from a position kept in the audit database that advances only
 * after the broker acknowledged; the record formats it writes; the ports it reads and
 * keeps its positions through.
 */
package io.audittrail.stream;
