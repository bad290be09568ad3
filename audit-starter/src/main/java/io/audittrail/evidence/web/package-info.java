/**
 * The JSON endpoints that publish the chains' signed checkpoints, the inclusion proofs of events and
 * the consistency proofs between checkpoints.
 */
package io.audittrail.evidence.web;
