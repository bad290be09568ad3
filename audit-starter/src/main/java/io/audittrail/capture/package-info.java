/**
 * Capturing operations: the {@code @Audited} aspect, its compiled expressions, the
 * recording of the starter's own operations
 * ({@link io.audittrail.capture.StarterOperations}), and the writer that binds events to
 * the transaction of the business change.
 * <p>
 * One event's way: {@link io.audittrail.capture.AuditedMethodAdvisor} matches the call
 * and its interceptor runs it, in a transaction of its own when none surrounds it; the
 * {@link io.audittrail.capture.AuditedCallRecorder} counts it among the calls under way
 * ({@code AuditedCallDepth}), evaluates the annotation and builds the event with the
 * context of the {@link io.audittrail.capture.EventContextResolver}; the
 * {@link io.audittrail.capture.TransactionalEventWriter} holds it in the transaction's
 * {@code PendingEvents}, where the Envers listener's
 * {@link io.audittrail.capture.RevisionRecorder} notes the revision and the changed
 * entities; just before the commit (the {@link io.audittrail.capture.CommitHook}, or
 * Spring's {@code beforeCommit}) the writer stamps the event with the revision, adds
 * events of changes no audited call covers ({@code UnannotatedChangeEvents}), and the
 * {@code EventAppender} appends them to the {@link io.audittrail.core.AuditEventStore}
 * under the failure policy. Events of failed calls, and of a transaction that rolls back,
 * are appended once it has completed. The {@code AuditAutoConfiguration} wires them.
 */
package io.audittrail.capture;
