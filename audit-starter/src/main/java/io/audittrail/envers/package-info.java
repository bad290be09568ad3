/**
 * Binding operations to Hibernate Envers: the starter's revision entity, its listener, and the hook
 * that writes events after Envers has written the revision.
 */
package io.audittrail.envers;
