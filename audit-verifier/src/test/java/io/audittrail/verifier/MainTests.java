package io.audittrail.verifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MainTests {

	private final TestLog log = new TestLog(10);

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@TempDir
	Path directory;

	@Test
	void intactBundleExitsWithZeroAndSaysWhatWasChecked() throws IOException {
		Path bundle = TestLog.write(this.directory, "evidence.zip", this.log.bundle(3, 10, 10));
		assertThat(run("bundle", bundle.toString(), "--key", keys().toString())).isZero();
		assertThat(output()).contains("OK: " + bundle, "checkpoint: audit.example/log/tenant/demo, size 10, root ",
				"signed by:  audit.example/log+",
				"events:     8 (positions 3 to 10): hashes, chain links and inclusion proofs verified");
	}

	@Test
	void tamperedBundleExitsWithOneNamingTheEvent() throws IOException {
		Map<String, String> entries = TestLog
			.entries(TestLog.write(this.directory, "evidence.zip", this.log.bundle(1, 10, 10)));
		entries.put(EvidenceBundle.EVENTS,
				entries.get(EvidenceBundle.EVENTS).replace("\"Article 7\"", "\"Article 8\""));
		Path bundle = TestLog.write(this.directory, "tampered.zip", TestLog.zip(entries));
		assertThat(run("bundle", bundle.toString(), "--key", keys().toString())).isEqualTo(1);
		assertThat(errors()).startsWith("FAILED: event 1007 (position 7): its content does not match its hash");
	}

	@Test
	void rotatedKeysVerifyOlderCheckpoints() throws IOException {
		Path bundle = TestLog.write(this.directory, "evidence.zip", this.log.bundle(1, 10, 10));
		Path keys = Files.writeString(this.directory.resolve("keys.vkey"), "# retired and current keys\n"
				+ TestLog.ATTACKER.verifierKey().encoded() + "\n\n" + TestLog.SIGNER.verifierKey().encoded() + "\n");
		assertThat(run("bundle", bundle.toString(), "--key", keys.toString())).isZero();
	}

	@Test
	void grownLogIsConsistent() throws IOException {
		Path old = note(6);
		Path current = note(10);
		Path proof = Files.writeString(this.directory.resolve("proof.txt"),
				Merkle.consistencyProof(6, 10, this.log.leaves()).text());
		assertThat(run("consistency", old.toString(), current.toString(), "--proof", proof.toString(), "--key",
				keys().toString()))
			.isZero();
		assertThat(output()).contains("OK: audit.example/log/tenant/demo grew from 6 to 10 entries");
	}

	@Test
	void truncatedLogIsCaughtByTheOlderCheckpoint() throws IOException {
		// an insider with the signing key truncates the log to 7 entries and signs a new
		// checkpoint
		Path old = note(10);
		Path truncated = note(7);
		Path proof = Files.writeString(this.directory.resolve("proof.txt"), "");
		assertThat(run("consistency", old.toString(), truncated.toString(), "--proof", proof.toString(), "--key",
				keys().toString()))
			.isEqualTo(1);
		assertThat(errors()).startsWith("FAILED: the log shrank from 10 to 7 entries");
	}

	@Test
	void rewrittenHistoryIsNotConsistent() throws IOException {
		// an insider with the signing key edits event 3, recomputes every hash after it
		// and signs
		TestLog rewritten = new TestLog(2);
		rewritten.append(1003, "Article 3 (rewritten)");
		for (int position = 4; position <= 12; position++) {
			rewritten.append(1000 + position, "Article " + position);
		}
		Path old = note(10);
		Path current = Files.writeString(this.directory.resolve("rewritten.note"), rewritten.note(12, TestLog.SIGNER));
		Path proof = Files.writeString(this.directory.resolve("proof.txt"),
				Merkle.consistencyProof(10, 12, rewritten.leaves()).text());
		assertThat(run("consistency", old.toString(), current.toString(), "--proof", proof.toString(), "--key",
				keys().toString()))
			.isEqualTo(1);
		assertThat(errors()).startsWith("FAILED: the log of size 12 does not extend the log of size 10: ")
			.contains("does not lead to the old root");
	}

	@Test
	void checkpointOfAnotherKeyFailsConsistency() throws IOException {
		Path old = note(6);
		Path forged = Files.writeString(this.directory.resolve("forged.note"), this.log.note(10, TestLog.ATTACKER));
		Path proof = Files.writeString(this.directory.resolve("proof.txt"),
				Merkle.consistencyProof(6, 10, this.log.leaves()).text());
		assertThat(run("consistency", old.toString(), forged.toString(), "--proof", proof.toString(), "--key",
				keys().toString()))
			.isEqualTo(1);
		assertThat(errors()).startsWith("FAILED: " + forged + ": the note is signed by none of the trusted keys");
	}

	@Test
	void usageErrorsExitWithTwo() throws IOException {
		assertThat(run()).isEqualTo(2);
		assertThat(errors()).startsWith("error: no command").contains("usage: java -jar audit-verifier.jar bundle");
		assertThat(run("verify", "x.zip")).isEqualTo(2);
		assertThat(run("bundle", "x.zip")).isEqualTo(2);
		assertThat(errors()).contains("error: --key is required");
		assertThat(run("consistency", "a.note", "b.note", "--key", keys().toString())).isEqualTo(2);
		assertThat(errors()).contains("error: --proof is required");
		assertThat(run("bundle", this.directory.resolve("missing.zip").toString(), "--key", keys().toString()))
			.isEqualTo(2);
		assertThat(errors()).contains("error: no such file: ");
		Path badKeys = Files.writeString(this.directory.resolve("bad.vkey"), "not-a-key\n");
		assertThat(run("bundle", "x.zip", "--key", badKeys.toString())).isEqualTo(2);
		assertThat(errors()).contains("bad.vkey line 1: not a verifier key");
	}

	private Path keys() throws IOException {
		return Files.writeString(this.directory.resolve("pub.vkey"), TestLog.SIGNER.verifierKey().encoded() + "\n");
	}

	private Path note(int size) throws IOException {
		return Files.writeString(this.directory.resolve(size + ".note"), this.log.note(size, TestLog.SIGNER));
	}

	private int run(String... args) {
		this.out.reset();
		this.err.reset();
		return Main.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String errors() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
