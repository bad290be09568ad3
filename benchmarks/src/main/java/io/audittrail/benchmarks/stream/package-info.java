/**
 * Publishing the audit log to Kafka: the relay's events per second, from the sealed
 * events in the database to the records a consumer reads back, and its lag while audited
 * writes go on.
 */
package io.audittrail.benchmarks.stream;
