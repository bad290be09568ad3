/**
 * Trace correlation: the trace and span of the current call, from Micrometer Tracing or
 * from the request's W3C {@code traceparent} header, and that header's strict parsing and
 * writing.
 */
package io.audittrail.trace;
