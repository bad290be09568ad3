/**
 * Capturing operations: the {@code @Audited} aspect, its compiled expressions, the recording of the
 * starter's own operations, and the writer that binds events to the transaction of the business
 * change.
 */
package io.audittrail.capture;
