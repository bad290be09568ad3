/**
 * Reading a log of 1,000,000 sealed events: the list's first page with two filters, the
 * CSV export of all of them, and the verification of their hash chains.
 */
package io.audittrail.benchmarks.read;
