package io.audittrail.verifier;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names and lines of an evidence bundle: a zip of {@code checkpoint},
 * {@code events.jsonl}, {@code proofs.jsonl} and optionally {@code previous-checkpoint}
 * and {@code consistency}.
 */
public final class EvidenceBundle {

	/** The signed note of the checkpoint every proof leads to. */
	public static final String CHECKPOINT = "checkpoint";

	/** One event a line, in chain order. */
	public static final String EVENTS = "events.jsonl";

	/** One inclusion proof a line, for the event on the same line of {@link #EVENTS}. */
	public static final String PROOFS = "proofs.jsonl";

	/** An earlier signed checkpoint of the same log (optional). */
	public static final String PREVIOUS_CHECKPOINT = "previous-checkpoint";

	/**
	 * The consistency proof from {@link #PREVIOUS_CHECKPOINT} to {@link #CHECKPOINT}
	 * (optional).
	 */
	public static final String CONSISTENCY = "consistency";

	static final Set<String> ENTRIES = Set.of(CHECKPOINT, EVENTS, PROOFS, PREVIOUS_CHECKPOINT, CONSISTENCY);

	private EvidenceBundle() {
	}

	static String eventLine(EvidenceEvent event) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("encoding", event.encoding().id());
		line.putAll(event.values());
		line.put("position", Long.toString(event.position()));
		line.put("hash", event.hash());
		return Json.write(line);
	}

	static EvidenceEvent parseEvent(String line) {
		Map<String, Object> object = Json.parseObject(line);
		Object encodingName = object.remove("encoding");
		if (!(encodingName instanceof String)) {
			throw new IllegalArgumentException("the member encoding is missing");
		}
		EventEncoding encoding = EventEncoding.of((String) encodingName);
		Object hash = object.remove("hash");
		if (!(hash instanceof String)) {
			throw new IllegalArgumentException("the member hash is missing");
		}
		if (!encoding.positionField().equals("position")) {
			Object position = object.remove("position");
			if (position == null || !position.equals(object.get(encoding.positionField()))) {
				throw new IllegalArgumentException(
						"the member position is not the event's " + encoding.positionField());
			}
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, Object> member : object.entrySet()) {
			if (member.getValue() instanceof List) {
				throw new IllegalArgumentException("the member " + member.getKey() + " is an array");
			}
			values.put(member.getKey(), (String) member.getValue());
		}
		return new EvidenceEvent(encoding, values, (String) hash);
	}

	static String proofLine(long position, InclusionProof proof) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("position", Long.toString(position));
		line.put("index", Long.toString(proof.index()));
		line.put("size", Long.toString(proof.size()));
		line.put("hashes", proof.hashes().stream().map(Base64.getEncoder()::encodeToString).toList());
		return Json.write(line);
	}

	/** A proof line: the position it is for and the proof. */
	record ProofLine(long position, InclusionProof proof) {
	}

	static ProofLine parseProof(String line) {
		Map<String, Object> object = Json.parseObject(line);
		if (!object.keySet().equals(Set.of("position", "index", "size", "hashes"))) {
			throw new IllegalArgumentException(
					"a proof has the members position, index, size and hashes, not " + object.keySet());
		}
		long position = number(object, "position");
		long index = number(object, "index");
		long size = number(object, "size");
		if (!(object.get("hashes") instanceof List<?> encoded)) {
			throw new IllegalArgumentException("the member hashes is not an array");
		}
		List<byte[]> hashes = new ArrayList<>();
		for (Object hash : encoded) {
			hashes.add(SignedNote.strictBase64((String) hash));
		}
		return new ProofLine(position, new InclusionProof(index, size, hashes));
	}

	private static long number(Map<String, Object> object, String name) {
		if (!(object.get(name) instanceof String value) || !EventEncoding.COUNT.matcher(value).matches()) {
			throw new IllegalArgumentException("the member " + name + " is not a decimal number");
		}
		return Long.parseLong(value);
	}

}
