/**
 * Capturing operations: the {@code @Audited} aspect, its compiled expressions, the
 * recording of the starter's own operations
 * ({@link io.audittrail.capture.StarterOperations}), the writer that binds events to the
 * transaction of the business change, and their binding to Hibernate Envers revisions.
 * <p>
 * One event's way: {@link io.audittrail.capture.AuditedMethodAdvisor} matches the call
 * and its interceptor runs it, in a transaction of its own when none surrounds it; the
 * {@link io.audittrail.capture.AuditedCallRecorder} counts it among the calls under way
 * ({@code AuditedCallDepth}), evaluates the annotation and builds the event with the
 * context of the {@link io.audittrail.capture.EventContextResolver}; the
 * {@link io.audittrail.capture.TransactionalEventWriter} holds it in the transaction's
 * {@code PendingEvents}, where the Envers revision listener
 * ({@code AuditRevisionListener}, of the revision entity
 * {@link io.audittrail.capture.AuditRevision}) notes the revision and the changed
 * entities through the {@code RevisionRecorder}; just before the commit (Hibernate's,
 * through the {@code HibernateCommitHook}, or Spring's {@code beforeCommit}) the writer
 * stamps the event with the revision, adds events of changes no audited call covers
 * ({@code UnannotatedChangeEvents}), and the {@code EventAppender} appends them to the
 * {@link io.audittrail.core.AuditEventStore} under the failure policy. Events of failed
 * calls, and of a transaction that rolls back, are appended once it has completed. The
 * {@code AuditAutoConfiguration} wires them; with Hibernate Envers on the class path, the
 * {@code AuditEnversAutoConfiguration} adds the revision entity and its listener, the
 * commit hook, JDBC batching and the check that stops the start-up when an audited
 * entity's Envers mapping or tables are incomplete.
 */
package io.audittrail.capture;
