/**
 * Binding operations to Hibernate Envers: the starter's revision entity, its listener,
 * the hook that writes events after Envers has written the revision, and their
 * auto-configuration.
 */
package io.audittrail.envers;
