/**
 * The cost of the {@code @Audited} aspect itself, for a call that writes nothing.
 */
package io.audittrail.benchmarks.aspect;
