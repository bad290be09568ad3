/**
 * Auto-configuration of the audit log: wiring only, one class per concern.
 */
package io.audittrail.autoconfigure;
