/**
 * JMH benchmarks of the audit log and the report that runs them and checks the quality
 * bars.
 */
package io.audittrail.benchmarks;
