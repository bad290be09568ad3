package io.audittrail.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.audittrail.store.SignedCheckpoint;
import io.audittrail.verifier.Checkpoint;
import io.audittrail.verifier.Merkle;
import io.audittrail.verifier.MerkleFrontier;
import io.audittrail.verifier.SignedNote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CheckpointPublishingTests {

	@TempDir
	Path directory;

	private CheckpointSigner signer;

	@BeforeEach
	void signer() {
		SigningKeys keys = SigningKeys.load(new SigningKeys.Settings("cms.example/audit", null, null, "PKCS12", null,
				null, null, this.directory.resolve("keys"), List.of()));
		this.signer = new CheckpointSigner(keys, "cms.example/audit",
				Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
	}

	@Test
	void originNamesTheLogAndTheChain() {
		assertThat(this.signer.origin(null)).isEqualTo("cms.example/audit/system");
		assertThat(this.signer.origin("demo")).isEqualTo("cms.example/audit/tenant/demo");
		assertThat(this.signer.origin("Ünï code/x y+z"))
			.isEqualTo("cms.example/audit/tenant/%C3%9Cn%C3%AF%20code%2Fx%20y%2Bz");
	}

	@Test
	void signedCheckpointIsAC2spCheckpointNote() {
		MerkleFrontier tree = MerkleFrontier.empty();
		tree.append(Merkle.leafHash(new byte[32]));
		SignedCheckpoint checkpoint = this.signer.sign("demo", 1, tree.root());
		SignedNote note = SignedNote.parse(checkpoint.note());
		assertThat(note.text())
			.isEqualTo("cms.example/audit/tenant/demo\n1\n" + Base64.getEncoder().encodeToString(tree.root()) + "\n");
		assertThat(note.signatures()).singleElement()
			.satisfies((signature) -> assertThat(signature.key()).startsWith("cms.example/audit+"));
		assertThat(note.verify(this.signer.keys().verifierKeys())).containsExactly(this.signer.keys().current());
		assertThat(Checkpoint.parse(note.text())).isEqualTo(checkpoint.checkpoint());
		assertThat(checkpoint.signedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
	}

	@Test
	void directoryPublisherWritesEachCheckpointAndTheLatest() throws IOException {
		CheckpointPublisher publisher = CheckpointPublisher.toDirectory(this.directory.resolve("published"));
		SignedCheckpoint first = this.signer.sign("demo", 1, Merkle.leafHash(new byte[] { 1 }));
		SignedCheckpoint second = this.signer.sign("demo", 2, Merkle.leafHash(new byte[] { 2 }));
		publisher.publish(first);
		publisher.publish(second);
		publisher.publish(first);
		Path chain = this.directory.resolve("published").resolve("tenant-demo");
		assertThat(chain.resolve("1.note")).hasContent(first.note());
		assertThat(chain.resolve("2.note")).hasContent(second.note());
		assertThat(chain.resolve("latest.note")).hasContent(second.note());
		try (var files = Files.list(chain)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder("1.note", "2.note",
					"latest.note");
		}
	}

	@Test
	void directoryPublisherRefusesARewrittenChain() throws IOException {
		CheckpointPublisher publisher = CheckpointPublisher.toDirectory(this.directory.resolve("published"));
		SignedCheckpoint original = this.signer.sign(null, 1, Merkle.leafHash(new byte[] { 1 }));
		publisher.publish(original);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> publisher.publish(this.signer.sign(null, 1, Merkle.leafHash(new byte[] { 9 }))))
			.withMessageStartingWith("A different checkpoint of size 1 was already published in ")
			.withMessageEndingWith(": the chain was rewritten");
		assertThat(this.directory.resolve("published").resolve("system").resolve("1.note")).hasContent(original.note());
	}

	@Test
	void directoryPublisherKeepsEveryTenantInsideItsDirectory() {
		CheckpointPublisher publisher = CheckpointPublisher.toDirectory(this.directory.resolve("published"));
		publisher.publish(this.signer.sign("../../escape", 1, Merkle.leafHash(new byte[] { 1 })));
		assertThat(this.directory.resolve("published").resolve("tenant-..%2F..%2Fescape").resolve("1.note")).exists();
		assertThat(this.directory.resolve("escape")).doesNotExist();
	}

}
