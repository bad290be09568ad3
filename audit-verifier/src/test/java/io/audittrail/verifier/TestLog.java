package io.audittrail.verifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A chain of audit events as the starter seals them, its Merkle tree and its signed
 * checkpoints, for tests; and a way to rewrite a bundle as an attacker would.
 */
final class TestLog {

	static final String ORIGIN = "audit.example/log/tenant/demo";

	static final NoteSigner SIGNER = NoteSigner.ofSeed("audit.example/log", seed(1));

	/** Another key under the same name, as an attacker would make. */
	static final NoteSigner ATTACKER = NoteSigner.ofSeed("audit.example/log", seed(2));

	private final List<EvidenceEvent> events = new ArrayList<>();

	TestLog(int size) {
		for (int position = 1; position <= size; position++) {
			append(1000 + position, "Article " + position);
		}
	}

	/** Appends an event with the given id and entity name, linked to the last one. */
	EvidenceEvent append(long id, String entityName) {
		Map<String, String> values = new LinkedHashMap<>();
		EventEncoding.V2.fields().forEach((field) -> values.put(field, null));
		values.put("id", Long.toString(id));
		values.put("position", Long.toString(this.events.size() + 1));
		values.put("prev_hash", this.events.isEmpty() ? null : this.events.get(this.events.size() - 1).hash());
		values.put("occurred_at", Long.toString(1_795_316_400_000_000L + this.events.size() * 1_000L));
		values.put("tenant", "demo");
		values.put("operation", "content.update");
		values.put("outcome", "SUCCESS");
		values.put("actor_name", "editor@demo.test");
		values.put("entity_name", entityName);
		values.put("details", "{\"title\":\"" + entityName + "\"}");
		EvidenceEvent event = new EvidenceEvent(EventEncoding.V2, values, EventEncoding.V2.hash(values));
		this.events.add(event);
		return event;
	}

	List<EvidenceEvent> events() {
		return this.events;
	}

	LeafHashes leaves() {
		return (index) -> this.events.get((int) index).leafHash();
	}

	Checkpoint checkpoint(long size) {
		return new Checkpoint(ORIGIN, size, Merkle.root(size, leaves()));
	}

	String note(long size, NoteSigner signer) {
		return signer.sign(checkpoint(size).text()).format();
	}

	/**
	 * A bundle of the events at positions {@code from} to {@code to}, proven to the
	 * checkpoint of {@code size}.
	 */
	byte[] bundle(int from, int to, long size) {
		return bundle(from, to, size, (writer) -> {
		});
	}

	byte[] bundle(int from, int to, long size, Consumer<EvidenceBundleWriter> beforeEvents) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Merkle.Prover prover = Merkle.prover(leaves());
		try (EvidenceBundleWriter writer = new EvidenceBundleWriter(out)) {
			writer.checkpoint(note(size, SIGNER));
			beforeEvents.accept(writer);
			for (int position = from; position <= to; position++) {
				writer.event(this.events.get(position - 1));
			}
			for (int position = from; position <= to; position++) {
				writer.proof(position, prover.inclusionProof(position - 1, size));
			}
		}
		return out.toByteArray();
	}

	static Path write(Path directory, String name, byte[] bundle) throws IOException {
		return Files.write(directory.resolve(name), bundle);
	}

	/** The bundle's entries as text, in their order. */
	static Map<String, String> entries(Path bundle) throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		try (ZipFile zip = new ZipFile(bundle.toFile())) {
			for (ZipEntry entry : zip.stream().toList()) {
				entries.put(entry.getName(),
						new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return entries;
	}

	/** A bundle of the given entries. */
	static byte[] zip(Map<String, String> entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, String> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	static List<String> lines(String text) {
		return new ArrayList<>(Arrays.asList(text.split("\n")));
	}

	static String text(List<String> lines) {
		return String.join("\n", lines) + "\n";
	}

	private static byte[] seed(int value) {
		byte[] seed = new byte[32];
		Arrays.fill(seed, (byte) value);
		return seed;
	}

}
