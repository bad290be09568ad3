/**
 * Tamper evidence: a hash chain per tenant over the stored events, linked shortly after
 * commit by a sealer, and its verification.
 */
package io.audittrail.integrity;
