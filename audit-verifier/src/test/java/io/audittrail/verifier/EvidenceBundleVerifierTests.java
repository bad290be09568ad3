package io.audittrail.verifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each tampering an attacker with write access to the database and the bundle can try,
 * and the verifier's answer to it.
 */
class EvidenceBundleVerifierTests {

	private final TestLog log = new TestLog(10);

	private final EvidenceBundleVerifier verifier = new EvidenceBundleVerifier(List.of(TestLog.SIGNER.verifierKey()));

	@TempDir
	Path directory;

	@Test
	void intactBundleVerifies() throws IOException {
		BundleReport report = this.verifier
			.verify(TestLog.write(this.directory, "evidence.zip", this.log.bundle(1, 10, 10)));
		assertThat(report.checkpoint()).isEqualTo(this.log.checkpoint(10));
		assertThat(report.signedBy()).containsExactly(TestLog.SIGNER.verifierKey());
		assertThat(report.events()).isEqualTo(10);
		assertThat(report.firstPosition()).isEqualTo(1);
		assertThat(report.lastPosition()).isEqualTo(10);
		assertThat(report.previous()).isNull();
	}

	@Test
	void periodOfALargerLogVerifies() throws IOException {
		TestLog large = new TestLog(300);
		BundleReport report = this.verifier
			.verify(TestLog.write(this.directory, "period.zip", large.bundle(117, 245, 300)));
		assertThat(report.events()).isEqualTo(129);
		assertThat(report.firstPosition()).isEqualTo(117);
		assertThat(report.lastPosition()).isEqualTo(245);
	}

	@Test
	void emptyPeriodVerifiesItsCheckpoint() throws IOException {
		BundleReport report = this.verifier
			.verify(TestLog.write(this.directory, "empty.zip", this.log.bundle(1, 0, 10)));
		assertThat(report.events()).isZero();
		assertThat(report.checkpoint().size()).isEqualTo(10);
	}

	@Test
	void bundleWithAPreviousCheckpointShowsTheLogOnlyGrew() throws IOException {
		ConsistencyProof proof = Merkle.consistencyProof(6, 10, this.log.leaves());
		byte[] bundle = this.log.bundle(7, 10, 10,
				(writer) -> writer.previousCheckpoint(this.log.note(6, TestLog.SIGNER), proof));
		BundleReport report = this.verifier.verify(TestLog.write(this.directory, "grown.zip", bundle));
		assertThat(report.previous()).isEqualTo(this.log.checkpoint(6));
	}

	@Test
	void editedEventFailsItsHash() throws IOException {
		assertFails(edit(5, (line) -> line.replace("\"Article 5\"", "\"Article 5 (corrected)\"")),
				"event 1005 (position 5): its content does not match its hash (computed ");
	}

	@Test
	void editedEventWithItsHashRecomputedIsNotInTheSignedLog() throws IOException {
		TestLog forged = new TestLog(4);
		forged.append(1005, "Article 5 (corrected)");
		String forgedLine = EvidenceBundle.eventLine(forged.events().get(4));
		assertFails(edit(5, (line) -> forgedLine), "event 1005 (position 5): it is not in the signed log: "
				+ "the inclusion proof of leaf 4 leads to root ");
	}

	@Test
	void deletedEventLeavesAGap() throws IOException {
		Map<String, String> entries = entries();
		entries.put(EvidenceBundle.EVENTS, without(entries.get(EvidenceBundle.EVENTS), 5));
		entries.put(EvidenceBundle.PROOFS, without(entries.get(EvidenceBundle.PROOFS), 5));
		assertFails(entries,
				"event 1006 (position 6): it follows event 1004 (position 4), so 1 event is missing at position 5");
	}

	@Test
	void deletedEventWithTheChainRelinkedIsNotInTheSignedLog() throws IOException {
		TestLog forged = new TestLog(4);
		for (int position = 6; position <= 10; position++) {
			forged.append(1000 + position, "Article " + position);
		}
		Map<String, String> entries = entries();
		List<String> events = new ArrayList<>();
		forged.events().forEach((event) -> events.add(EvidenceBundle.eventLine(event)));
		entries.put(EvidenceBundle.EVENTS, TestLog.text(events));
		entries.put(EvidenceBundle.PROOFS, without(entries.get(EvidenceBundle.PROOFS), 10));
		assertFails(entries, "event 1006 (position 5): it is not in the signed log");
	}

	@Test
	void swappedEventsAreOutOfOrder() throws IOException {
		Map<String, String> entries = entries();
		entries.put(EvidenceBundle.EVENTS, swapped(entries.get(EvidenceBundle.EVENTS), 4, 5));
		entries.put(EvidenceBundle.PROOFS, swapped(entries.get(EvidenceBundle.PROOFS), 4, 5));
		assertFails(entries,
				"event 1005 (position 5): it follows event 1003 (position 3), so 1 event is missing at position 4");
	}

	@Test
	void swappedContentsFailTheirHashes() throws IOException {
		String fifth = TestLog.lines(entries().get(EvidenceBundle.EVENTS)).get(4);
		assertFails(
				edit(4, (line) -> fifth.replace("\"position\":\"5\"", "\"position\":\"4\"")
					.replace("\"prev_hash\":\"" + this.log.events().get(3).hash(),
							"\"prev_hash\":\"" + this.log.events().get(2).hash())),
				"event 1005 (position 4): its content does not match its hash");
	}

	@Test
	void movedEventIsOutOfPlace() throws IOException {
		Map<String, String> entries = entries();
		entries.put(EvidenceBundle.EVENTS, moved(entries.get(EvidenceBundle.EVENTS), 3));
		entries.put(EvidenceBundle.PROOFS, moved(entries.get(EvidenceBundle.PROOFS), 3));
		assertFails(entries,
				"event 1004 (position 4): it follows event 1002 (position 2), so 1 event is missing at position 3");
	}

	@Test
	void movedEventWithANewPositionLeavesAGap() throws IOException {
		assertFails(edit(3, (line) -> line.replace("\"position\":\"3\"", "\"position\":\"11\"")),
				"event 1003 (position 11): it follows event 1002 (position 2), so 8 events are missing at position 3 to 10");
	}

	@Test
	void insertedForgedEventIsNotInTheSignedLog() throws IOException {
		TestLog forged = new TestLog(5);
		forged.append(9999, "Forged article");
		for (int position = 6; position <= 10; position++) {
			forged.append(1000 + position, "Article " + position);
		}
		Map<String, String> entries = entries();
		List<String> events = new ArrayList<>();
		forged.events().subList(0, 10).forEach((event) -> events.add(EvidenceBundle.eventLine(event)));
		entries.put(EvidenceBundle.EVENTS, TestLog.text(events));
		assertFails(entries, "event 9999 (position 6): it is not in the signed log");
	}

	@Test
	void checkpointResignedWithAnotherKeyIsRefused() throws IOException {
		Map<String, String> entries = entries();
		entries.put(EvidenceBundle.CHECKPOINT, this.log.note(10, TestLog.ATTACKER));
		assertFails(entries,
				"the checkpoint: the note is signed by none of the trusted keys (it is signed by audit.example/log+"
						+ VerifierKey.hexId(TestLog.ATTACKER.verifierKey().keyId()));
	}

	@Test
	void checkpointWithAlteredRootFailsItsSignature() throws IOException {
		Map<String, String> entries = entries();
		String rebuilt = Base64.getEncoder().encodeToString(this.log.checkpoint(9).root());
		String original = Base64.getEncoder().encodeToString(this.log.checkpoint(10).root());
		entries.put(EvidenceBundle.CHECKPOINT,
				entries.get(EvidenceBundle.CHECKPOINT).replace(original, rebuilt).replace("\n10\n", "\n9\n"));
		assertFails(entries, "the checkpoint: the signature of key audit.example/log+");
	}

	@Test
	void truncatedLogWithEveryHashRecomputedNeedsASignatureItCannotMake() throws IOException {
		// the last three events removed, the tree rebuilt and a checkpoint of size 7
		// signed by another key
		Map<String, String> entries = TestLog.entries(TestLog.write(this.directory, "t.zip", this.log.bundle(1, 7, 7)));
		entries.put(EvidenceBundle.CHECKPOINT, this.log.note(7, TestLog.ATTACKER));
		assertFails(entries, "the checkpoint: the note is signed by none of the trusted keys");
	}

	@Test
	void badProofFails() throws IOException {
		Map<String, String> entries = entries();
		List<String> proofs = TestLog.lines(entries.get(EvidenceBundle.PROOFS));
		String hash = Base64.getEncoder()
			.encodeToString(Merkle.inclusionProof(2, 10, this.log.leaves()).hashes().get(1));
		byte[] flipped = Base64.getDecoder().decode(hash);
		flipped[0] ^= 8;
		proofs.set(2, proofs.get(2).replace(hash, Base64.getEncoder().encodeToString(flipped)));
		entries.put(EvidenceBundle.PROOFS, TestLog.text(proofs));
		assertFails(entries,
				"event 1003 (position 3): it is not in the signed log: the inclusion proof of leaf 2 leads to root ");
	}

	@Test
	void proofOfAnotherEventOrTreeFails() throws IOException {
		Map<String, String> entries = entries();
		entries.put(EvidenceBundle.PROOFS, swapped(entries.get(EvidenceBundle.PROOFS), 2, 3));
		assertFails(entries, "event 1002 (position 2): its inclusion proof is for position 3");
		entries = TestLog.entries(TestLog.write(this.directory, "other.zip", this.log.bundle(1, 10, 10)));
		entries.put(EvidenceBundle.PROOFS,
				TestLog.entries(TestLog.write(this.directory, "nine.zip", this.log.bundle(1, 9, 9)))
					.get(EvidenceBundle.PROOFS));
		assertFails(entries,
				"event 1001 (position 1): its inclusion proof is for a tree of size 9, not the checkpoint's 10");
	}

	@Test
	void missingOrExtraProofsFail() throws IOException {
		Map<String, String> entries = entries();
		entries.put(EvidenceBundle.PROOFS, without(entries.get(EvidenceBundle.PROOFS), 10));
		assertFails(entries, "event 1010 (position 10) has no inclusion proof in proofs.jsonl");
		entries = entries();
		entries.put(EvidenceBundle.EVENTS, without(entries.get(EvidenceBundle.EVENTS), 10));
		assertFails(entries, "proofs.jsonl has more lines than events.jsonl (9)");
	}

	@Test
	void previousCheckpointOfAnotherHistoryFails() throws IOException {
		ConsistencyProof proof = Merkle.consistencyProof(6, 10, this.log.leaves());
		byte[] bundle = this.log.bundle(7, 10, 10,
				(writer) -> writer.previousCheckpoint(
						TestLog.SIGNER.sign(new TestLog(5).checkpoint(5).text().replace("\n5\n", "\n6\n")).format(),
						proof));
		assertThatExceptionOfType(VerificationException.class)
			.isThrownBy(() -> this.verifier.verify(TestLog.write(this.directory, "history.zip", bundle)))
			.withMessageStartingWith("the log of size 10 does not extend the log of size 6: ");
	}

	@Test
	void malformedBundlesAreNamed() throws IOException {
		Map<String, String> entries = entries();
		entries.put("notes.txt", "hello");
		assertFails(entries, "the bundle holds an unknown entry \"notes.txt\"");
		entries = entries();
		entries.remove(EvidenceBundle.PROOFS);
		assertFails(entries, "the bundle has no proofs.jsonl");
		assertFails(edit(2, (line) -> line.replace("\"encoding\":\"audit-event-v2\",", "")),
				"line 2 of events.jsonl: the member encoding is missing");
		assertFails(edit(2, (line) -> line.replace("\"span_id\":null,", "")),
				"line 2 of events.jsonl: the fields of audit-event-v2 are not all there, missing: [span_id]");
		assertFails(edit(2, (line) -> line + " x"), "line 2 of events.jsonl: malformed JSON at column");
		assertThatExceptionOfType(VerificationException.class)
			.isThrownBy(() -> this.verifier.verify(TestLog.write(this.directory, "not.zip", "not a zip".getBytes())))
			.withMessageContaining("is not a zip file");
	}

	private Map<String, String> entries() throws IOException {
		return TestLog.entries(TestLog.write(this.directory, "intact.zip", this.log.bundle(1, 10, 10)));
	}

	private Map<String, String> edit(int line, UnaryOperator<String> change) throws IOException {
		Map<String, String> entries = entries();
		List<String> lines = TestLog.lines(entries.get(EvidenceBundle.EVENTS));
		lines.set(line - 1, change.apply(lines.get(line - 1)));
		entries.put(EvidenceBundle.EVENTS, TestLog.text(lines));
		return entries;
	}

	private static String without(String text, int line) {
		List<String> lines = TestLog.lines(text);
		lines.remove(line - 1);
		return TestLog.text(lines);
	}

	private static String swapped(String text, int first, int second) {
		List<String> lines = TestLog.lines(text);
		String line = lines.get(first - 1);
		lines.set(first - 1, lines.get(second - 1));
		lines.set(second - 1, line);
		return TestLog.text(lines);
	}

	private static String moved(String text, int line) {
		List<String> lines = TestLog.lines(text);
		lines.add(lines.remove(line - 1));
		return TestLog.text(lines);
	}

	private void assertFails(Map<String, String> entries, String message) throws IOException {
		Path bundle = TestLog.write(this.directory, "tampered.zip", TestLog.zip(entries));
		assertThatExceptionOfType(VerificationException.class).isThrownBy(() -> this.verifier.verify(bundle))
			.withMessageStartingWith(message);
	}

}
