/**
 * Recording HTTP API requests: which requests are captured, what of them is kept (with
 * secrets masked), how a request that ran an audited operation enriches that operation's
 * event, and the bounded, batching writer that stores the others off the request thread;
 * and their auto-configuration.
 */
package io.audittrail.capture.http;
