/**
 * The benchmarked application: invoices with lines, written by one service in every audit
 * mode.
 */
package io.audittrail.benchmarks.app;
