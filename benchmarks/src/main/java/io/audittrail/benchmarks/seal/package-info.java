/**
 * The PostgreSQL server's CPU time per audit event: storing events through the starter's
 * store and sealing them into their chains.
 */
package io.audittrail.benchmarks.seal;
