/**
 * Masking of secrets before anything reaches the audit log: which field names hold
 * secrets (the pluggable {@link io.audittrail.spi.SecretFields}) and the one component
 * that every caller asks to mask a value, a JSON tree, text, or a path, in time linear in
 * its input.
 */
package io.audittrail.masking;
