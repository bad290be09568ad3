package io.audittrail.evidence;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.audittrail.store.EventRow;
import io.audittrail.store.SealedRow;
import io.audittrail.store.SignedCheckpoint;
import io.audittrail.verifier.EventEncoding;
import io.audittrail.verifier.EvidenceBundleWriter;
import io.audittrail.verifier.EvidenceEvent;
import io.audittrail.verifier.LeafHashes;
import io.audittrail.verifier.Merkle;

/**
 * Writes the evidence bundle of a run of consecutive events of one chain, streamed: the
 * events as they come from the cursor, then the proof of each in the tree of the
 * checkpoint, built from the chain's leaf hashes. Memory stays constant whatever the
 * number of events.
 */
final class EvidenceExporter {

	private EvidenceExporter() {
	}

	/**
	 * Writes the bundle and closes the stream; returns the number of events written.
	 * @param out where the zip goes
	 * @param checkpoint the checkpoint the proofs lead to
	 * @param previous an earlier checkpoint of the chain to show consistency with, or
	 * {@code null}
	 * @param events the events in chain order, at consecutive positions within the
	 * checkpoint's size
	 * @param leaves the chain's leaf hashes by index (position - 1), at least up to the
	 * checkpoint's size
	 */
	public static long export(OutputStream out, SignedCheckpoint checkpoint, SignedCheckpoint previous,
			Iterator<EvidenceEvent> events, LeafHashes leaves) {
		return export(out, checkpoint, previous, (sink) -> {
			while (events.hasNext() && sink.test(events.next())) {
				// the sink takes every event
			}
		}, Merkle.prover(leaves));
	}

	/**
	 * Writes the bundle of the events a source pushes, such as a database cursor's
	 * callback, and closes the stream; returns the number of events written.
	 * @param out where the zip goes
	 * @param checkpoint the checkpoint the proofs lead to
	 * @param previous an earlier checkpoint of the chain to show consistency with, or
	 * {@code null}
	 * @param events hands the events in chain order to the sink it is given, at
	 * consecutive positions within the checkpoint's size, while the sink returns
	 * {@code true}
	 * @param prover proves in the chain's tree, at least up to the checkpoint's size
	 */
	public static long export(OutputStream out, SignedCheckpoint checkpoint, SignedCheckpoint previous,
			Consumer<Predicate<EvidenceEvent>> events, Merkle.Prover prover) {
		long size = checkpoint.checkpoint().size();
		try (EvidenceBundleWriter writer = new EvidenceBundleWriter(out)) {
			writer.checkpoint(checkpoint.note());
			if (previous != null) {
				if (!previous.checkpoint().origin().equals(checkpoint.checkpoint().origin())) {
					throw new IllegalArgumentException("the previous checkpoint is of another chain");
				}
				writer.previousCheckpoint(previous.note(), prover.consistencyProof(previous.checkpoint().size(), size));
			}
			long[] range = new long[2];
			events.accept((event) -> {
				long last = range[1];
				if (last != 0 && event.position() != last + 1) {
					throw new IllegalArgumentException("event " + event.id() + " at position " + event.position()
							+ " does not follow position " + last);
				}
				if (event.position() > size) {
					throw new IllegalArgumentException("event " + event.id() + " at position " + event.position()
							+ " is not covered by the checkpoint of size " + size);
				}
				if (range[0] == 0) {
					range[0] = event.position();
				}
				range[1] = event.position();
				writer.event(event);
				return true;
			});
			long first = range[0];
			long last = range[1];
			for (long position = first; first != 0 && position <= last; position++) {
				writer.proof(position, prover.inclusionProof(position - 1, size));
			}
			return writer.events();
		}
	}

	/**
	 * A sealed event as the bundle holds it: the values its chain hash was made of, by
	 * field.
	 */
	public static EvidenceEvent event(SealedRow sealed) {
		EventEncoding encoding = EventEncoding.of(sealed.encoding());
		EventRow event = sealed.event();
		Map<String, String> values = new HashMap<>();
		values.put("id", Long.toString(event.id()));
		values.put(encoding.positionField(), Long.toString(sealed.position()));
		values.put("prev_hash", sealed.prevHash());
		values.put("occurred_at", Long.toString(event.occurredAtMicros()));
		values.put("tenant", event.tenant());
		values.put("operation", event.operation());
		values.put("target", event.target());
		values.put("action", event.action());
		values.put("outcome", event.outcome());
		values.put("actor_type", event.actorType());
		values.put("actor_id", event.actorId());
		values.put("actor_name", event.actorName());
		values.put("ip", event.ip());
		values.put("entity_type", event.entityType());
		values.put("entity_id", event.entityId());
		values.put("entity_name", event.entityName());
		values.put("details", event.details());
		values.put("error", event.error());
		values.put("request_id", event.requestId());
		values.put("revision_id", (event.revisionId() != null) ? event.revisionId().toString() : null);
		values.put("http_method", event.httpMethod());
		values.put("http_path", event.httpPath());
		values.put("http_status", (event.httpStatus() != null) ? event.httpStatus().toString() : null);
		values.put("http_resource", event.httpResource());
		values.put("http_auth_type", event.httpAuthType());
		values.put("http_detail", event.httpDetail());
		if (encoding == EventEncoding.V2) {
			values.put("trace_id", event.traceId());
			values.put("span_id", event.spanId());
		}
		return new EvidenceEvent(encoding, values, sealed.hash());
	}

}
