package io.audittrail.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.audittrail.store.SignedCheckpoint;
import io.audittrail.verifier.BundleReport;
import io.audittrail.verifier.EventEncoding;
import io.audittrail.verifier.EvidenceBundleVerifier;
import io.audittrail.verifier.EvidenceEvent;
import io.audittrail.verifier.LeafHashes;
import io.audittrail.verifier.Main;
import io.audittrail.verifier.MerkleFrontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EvidenceExporterTests {

	@TempDir
	Path directory;

	private CheckpointSigner signer;

	private final List<EvidenceEvent> chain = new ArrayList<>();

	private final MerkleFrontier tree = MerkleFrontier.empty();

	@BeforeEach
	void chain() {
		SigningKeys keys = SigningKeys.load(new SigningKeys.Settings("cms.example/audit", null, null, "PKCS12", null,
				null, null, this.directory.resolve("keys"), List.of()));
		this.signer = new CheckpointSigner(keys, "cms.example/audit", Clock.systemUTC());
		for (long position = 1; position <= 40; position++) {
			EvidenceEvent event = event(position, (position == 1) ? null : this.chain.get((int) position - 2).hash());
			this.chain.add(event);
			this.tree.append(event.leafHash());
		}
	}

	@Test
	void exportedBundleVerifiesOffline() throws IOException {
		SignedCheckpoint previous = this.signer.sign("demo", 25, rootAt(25));
		SignedCheckpoint checkpoint = this.signer.sign("demo", 40, this.tree.root());
		Path bundle = this.directory.resolve("evidence.zip");
		try (OutputStream out = Files.newOutputStream(bundle)) {
			long written = EvidenceExporter.export(out, checkpoint, previous, this.chain.subList(9, 30).iterator(),
					leaves());
			assertThat(written).isEqualTo(21);
		}
		BundleReport report = new EvidenceBundleVerifier(this.signer.keys().verifierKeys()).verify(bundle);
		assertThat(report.events()).isEqualTo(21);
		assertThat(report.firstPosition()).isEqualTo(10);
		assertThat(report.lastPosition()).isEqualTo(30);
		assertThat(report.previous().size()).isEqualTo(25);
		assertThat(report.checkpoint().origin()).isEqualTo("cms.example/audit/tenant/demo");
	}

	@Test
	void theCommandLineVerifierAcceptsTheExportAndTheRecordedKeys() throws IOException {
		SignedCheckpoint checkpoint = this.signer.sign("demo", 40, this.tree.root());
		Path bundle = this.directory.resolve("evidence.zip");
		try (OutputStream out = Files.newOutputStream(bundle)) {
			EvidenceExporter.export(out, checkpoint, null, this.chain.iterator(), leaves());
		}
		Path keys = this.directory.resolve("keys").resolve(SigningKeys.VERIFIER_KEYS);
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int exit = Main.run(new String[] { "bundle", bundle.toString(), "--key", keys.toString() },
				new PrintStream(output, true, StandardCharsets.UTF_8), System.err);
		assertThat(exit).isZero();
		assertThat(output.toString(StandardCharsets.UTF_8))
			.contains("events:     40 (positions 1 to 40): hashes, chain links and inclusion proofs verified");
	}

	@Test
	void eventsMustBeConsecutiveAndCovered() {
		SignedCheckpoint checkpoint = this.signer.sign("demo", 30, rootAt(30));
		List<EvidenceEvent> gap = List.of(this.chain.get(0), this.chain.get(2));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EvidenceExporter.export(OutputStream.nullOutputStream(), checkpoint, null, gap.iterator(),
					leaves()))
			.withMessage("event 3 at position 3 does not follow position 1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EvidenceExporter.export(OutputStream.nullOutputStream(), checkpoint, null,
					this.chain.subList(28, 32).iterator(), leaves()))
			.withMessage("event 31 at position 31 is not covered by the checkpoint of size 30");
	}

	@Test
	void largeExportStaysInBoundedMemory() throws IOException {
		int size = 20_000;
		MerkleFrontier large = MerkleFrontier.empty();
		Generated events = new Generated(size);
		List<byte[]> leafHashes = new ArrayList<>(size);
		while (events.hasNext()) {
			EvidenceEvent event = events.next();
			leafHashes.add(event.leafHash());
			large.append(event.leafHash());
		}
		SignedCheckpoint checkpoint = this.signer.sign("demo", size, large.root());
		Path bundle = this.directory.resolve("large.zip");
		System.gc();
		long before = usedHeap();
		long started = System.nanoTime();
		try (OutputStream out = Files.newOutputStream(bundle)) {
			EvidenceExporter.export(out, checkpoint, null, new Generated(size), (index) -> leafHashes.get((int) index));
		}
		long exportNanos = System.nanoTime() - started;
		System.gc();
		long growth = usedHeap() - before;
		started = System.nanoTime();
		BundleReport report = new EvidenceBundleVerifier(this.signer.keys().verifierKeys()).verify(bundle);
		long verifyNanos = System.nanoTime() - started;
		assertThat(report.events()).isEqualTo(size);
		System.out.printf(
				"evidence export of %d events: %.0f events/s, heap growth %d MB, %d MB on disk; "
						+ "verification: %.0f events/s%n",
				size, size / (exportNanos / 1e9), growth >> 20, Files.size(bundle) >> 20, size / (verifyNanos / 1e9));
		assertThat(growth).isLessThan(64L << 20);
	}

	private static long usedHeap() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private byte[] rootAt(long size) {
		MerkleFrontier prefix = MerkleFrontier.empty();
		for (int i = 0; i < size; i++) {
			prefix.append(this.chain.get(i).leafHash());
		}
		return prefix.root();
	}

	private LeafHashes leaves() {
		return (index) -> this.chain.get((int) index).leafHash();
	}

	private static EvidenceEvent event(long position, String prevHash) {
		Map<String, String> values = new LinkedHashMap<>();
		EventEncoding.V2.fields().forEach((field) -> values.put(field, null));
		values.put("id", Long.toString(position));
		values.put("position", Long.toString(position));
		values.put("prev_hash", prevHash);
		values.put("occurred_at", Long.toString(1_795_316_400_000_000L + position));
		values.put("tenant", "demo");
		values.put("operation", "content.update");
		values.put("outcome", "SUCCESS");
		values.put("actor_name", "editor@demo.test");
		values.put("entity_type", "content");
		values.put("entity_id", "article-" + position);
		values.put("details", "{\"title\":\"Article " + position + "\",\"body\":\"" + "x".repeat(200) + "\"}");
		values.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
		return new EvidenceEvent(EventEncoding.V2, values, EventEncoding.V2.hash(values));
	}

	/** A chain generated as it is read, as a database cursor would return it. */
	private static final class Generated implements Iterator<EvidenceEvent> {

		private final long size;

		private long position;

		private String previous;

		Generated(long size) {
			this.size = size;
		}

		@Override
		public boolean hasNext() {
			return this.position < this.size;
		}

		@Override
		public EvidenceEvent next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			EvidenceEvent event = event(++this.position, this.previous);
			this.previous = event.hash();
			return event;
		}

	}

}
