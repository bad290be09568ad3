/**
 * Evidence an outside auditor can check without trusting the database: the key that signs
 * the chains' checkpoints, the signer that makes a checkpoint's signed note, the
 * publishers that ship checkpoints out of the database administrator's reach, and the
 * export of evidence bundles. The formats and the offline checks live in the
 * {@code audit-verifier} module.
 */
package io.audittrail.evidence;
