/**
 * Throughput of the same JPA write transactions without auditing, with Envers, JaVers and
 * this starter.
 */
package io.audittrail.benchmarks.write;
