/**
 * The audit log's vocabulary: events, actors, the operation catalog, and the small SPIs
 * through which an application tells who, where and for which tenant a call is made.
 */
package io.audittrail.core;
