package io.audittrail.evidence;

import java.io.OutputStream;
import java.util.Iterator;

import io.audittrail.verifier.EvidenceBundleWriter;
import io.audittrail.verifier.EvidenceEvent;
import io.audittrail.verifier.LeafHashes;
import io.audittrail.verifier.Merkle;

/**
 * Writes the evidence bundle of a run of consecutive events of one chain, streamed: the events as
 * they come from the cursor, then the proof of each in the tree of the checkpoint, built from the
 * chain's leaf hashes. Memory stays constant whatever the number of events.
 */
public final class EvidenceExporter {

	private EvidenceExporter() {
	}

	/**
	 * Writes the bundle and closes the stream; returns the number of events written.
	 * @param out where the zip goes
	 * @param checkpoint the checkpoint the proofs lead to
	 * @param previous an earlier checkpoint of the chain to show consistency with, or {@code null}
	 * @param events the events in chain order, at consecutive positions within the checkpoint's size
	 * @param leaves the chain's leaf hashes by index (position - 1), at least up to the checkpoint's size
	 */
	public static long export(OutputStream out, SignedCheckpoint checkpoint, SignedCheckpoint previous,
			Iterator<EvidenceEvent> events, LeafHashes leaves) {
		long size = checkpoint.checkpoint().size();
		Merkle.Prover prover = Merkle.prover(leaves);
		try (EvidenceBundleWriter writer = new EvidenceBundleWriter(out)) {
			writer.checkpoint(checkpoint.note());
			if (previous != null) {
				if (!previous.checkpoint().origin().equals(checkpoint.checkpoint().origin())) {
					throw new IllegalArgumentException("the previous checkpoint is of another chain");
				}
				writer.previousCheckpoint(previous.note(), prover.consistencyProof(previous.checkpoint().size(), size));
			}
			long first = 0;
			long last = 0;
			while (events.hasNext()) {
				EvidenceEvent event = events.next();
				if (last != 0 && event.position() != last + 1) {
					throw new IllegalArgumentException("event " + event.id() + " at position " + event.position()
							+ " does not follow position " + last);
				}
				if (event.position() > size) {
					throw new IllegalArgumentException("event " + event.id() + " at position " + event.position()
							+ " is not covered by the checkpoint of size " + size);
				}
				if (first == 0) {
					first = event.position();
				}
				last = event.position();
				writer.event(event);
			}
			for (long position = first; first != 0 && position <= last; position++) {
				writer.proof(position, prover.inclusionProof(position - 1, size));
			}
			return writer.events();
		}
	}

}
