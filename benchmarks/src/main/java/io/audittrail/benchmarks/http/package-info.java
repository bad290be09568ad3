/**
 * HTTP request capture: how many requests per second the starter records, with and
 * without their bodies, and what capture adds to a request.
 */
package io.audittrail.benchmarks.http;
