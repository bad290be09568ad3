package io.audittrail.evidence;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import io.audittrail.store.ChainStore;
import io.audittrail.store.ChainTrees;
import io.audittrail.store.CheckpointStore;
import io.audittrail.store.RetentionStore;
import io.audittrail.store.SignedCheckpoint;
import io.audittrail.verifier.VerifierKey;

/**
 * The evidence an outside auditor checks without the application: signed checkpoints of
 * each chain, the public keys that verify them, and evidence bundles of a period's events
 * with their inclusion proofs, for {@code java -jar audit-verifier.jar bundle}.
 * {@code null} as a tenant is the chain of system-level events. Thread-safe.
 */
@API(status = Status.EXPERIMENTAL, since = "0.2")
public final class AuditEvidence {

	private final CheckpointSchedule issuing;

	private final SigningKeys keys;

	private final CheckpointStore checkpoints;

	private final ChainTrees trees;

	private final ChainStore chains;

	private final RetentionStore retention;

	AuditEvidence(CheckpointSchedule issuing, SigningKeys keys, CheckpointStore checkpoints, ChainTrees trees,
			ChainStore chains, RetentionStore retention) {
		this.issuing = issuing;
		this.keys = keys;
		this.checkpoints = checkpoints;
		this.trees = trees;
		this.chains = chains;
		this.retention = retention;
	}

	/**
	 * Signs a checkpoint of the tenant's chain now, if the chain grew since its latest.
	 * @param tenant the chain's tenant
	 * @return the checkpoint signed now, empty when the chain did not grow
	 * @throws IllegalStateException when the chain no longer extends its latest
	 * checkpoint
	 */
	public Optional<SignedCheckpoint> checkpointNow(String tenant) {
		return this.issuing.issueNow(tenant);
	}

	/** The public key that signs checkpoints now. */
	public VerifierKey signingKey() {
		return this.keys.current();
	}

	/** Every public key that ever signed checkpoints, the current one first. */
	public List<VerifierKey> verifierKeys() {
		return this.keys.verifierKeys();
	}

	/**
	 * The evidence bundle of a chain's events in a period, signing the chain's checkpoint
	 * first if the chain grew: from the first event that occurred at or after
	 * {@code since} to the last before the first that occurred after {@code until}.
	 * @param tenant the chain's tenant
	 * @param since the period's start, {@code null} for the chain's oldest kept event
	 * @param until the period's end, {@code null} for its newest sealed event
	 * @return the bundle, ready to be written
	 * @throws EvidenceUnavailableException when the period holds no sealed event, its
	 * proofs need leaves retention removed, or the chain no longer extends its checkpoint
	 */
	public Bundle bundle(String tenant, Instant since, Instant until) {
		try {
			if (this.chains.head(tenant).isPresent()) {
				this.issuing.issueNow(tenant);
			}
		}
		catch (IllegalStateException ex) {
			throw new EvidenceUnavailableException(EvidenceUnavailableException.Reason.CHAIN_BROKEN, ex.getMessage());
		}
		SignedCheckpoint checkpoint = this.checkpoints.latest(tenant)
			.orElseThrow(() -> new EvidenceUnavailableException(EvidenceUnavailableException.Reason.NO_EVENTS,
					"The chain has no sealed event yet."));
		long size = checkpoint.checkpoint().size();
		long removed = this.retention.checkpoint(tenant);
		long first = (since != null) ? this.retention.firstPositionSince(tenant, removed, since).orElse(size + 1)
				: removed + 1;
		if (first > size) {
			throw new EvidenceUnavailableException(EvidenceUnavailableException.Reason.NO_EVENTS,
					"No sealed event of the chain occurred in the period.");
		}
		try {
			// the first event's proof needs the most of the tree before it: fail now, not
			// in the middle of the bundle
			this.trees.prover(tenant).inclusionProof(first - 1, size);
		}
		catch (IllegalStateException ex) {
			throw new EvidenceUnavailableException(EvidenceUnavailableException.Reason.REMOVED,
					ex.getMessage() + "; choose a period that starts later");
		}
		return new Bundle(tenant, checkpoint, first, until);
	}

	/** A chain's evidence bundle of a period, checked and ready to be written. */
	public final class Bundle {

		private final String tenant;

		private final SignedCheckpoint checkpoint;

		private final long first;

		private final Instant until;

		private Bundle(String tenant, SignedCheckpoint checkpoint, long first, Instant until) {
			this.tenant = tenant;
			this.checkpoint = checkpoint;
			this.first = first;
			this.until = until;
		}

		/** The checkpoint the bundle's proofs lead to. */
		public SignedCheckpoint checkpoint() {
			return this.checkpoint;
		}

		/**
		 * Writes the bundle as a zip, streamed, and closes the stream: memory stays
		 * constant whatever the period.
		 * @param out where the zip goes
		 * @return the number of events written
		 */
		public long writeTo(OutputStream out) {
			long size = this.checkpoint.checkpoint().size();
			return EvidenceExporter
				.export(out, this.checkpoint, null, (sink) -> AuditEvidence.this.chains.walk(this.tenant,
						this.first - 1,
						(sealed) -> sealed.position() <= size
								&& (this.until == null || !sealed.event().occurredAt().toInstant().isAfter(this.until))
								&& sink.test(EvidenceExporter.event(sealed))),
						AuditEvidence.this.trees.prover(this.tenant));
		}

	}

}
