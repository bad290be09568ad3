/**
 * Evidence an outside auditor can check with the JDK alone: RFC 6962 Merkle trees and
 * their proofs, C2SP signed notes and checkpoints, the audit event's chain hash, evidence
 * bundles and the command-line verifier.
 */
package io.audittrail.verifier;
