package io.audittrail.verifier;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Known notes and keys from golang.org/x/mod, {@code sumdb/note/note_test.go} and the
 * package documentation of {@code sumdb/note/note.go} (repository github.com/golang/mod),
 * whose Ed25519 signatures are deterministic and so reproducible here.
 */
class SignedNoteTests {

	private static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

	/**
	 * The private key of the documentation: PRIVATE+KEY+PeterNeumann+c74f20a3+ and
	 * base64(0x01 ‖ seed).
	 */
	private static final String PETER_SKEY_MATERIAL = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

	private static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";

	private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
			+ "then you don't know what your problem is.\n";

	private static final String PETER_SIGNATURE = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

	private static final String ENOCH_SIGNATURE = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

	@Test
	void verifierKeysRoundTripAndTheirIdsAreDerived() {
		VerifierKey peter = VerifierKey.parse(PETER_VKEY);
		assertThat(peter.name()).isEqualTo("PeterNeumann");
		assertThat(peter.keyId()).isEqualTo(0xc74f20a3);
		assertThat(peter.encoded()).isEqualTo(PETER_VKEY);
		assertThat(VerifierKey.keyId("PeterNeumann", peter.publicKey())).isEqualTo(0xc74f20a3);
	}

	@Test
	void signingReproducesTheKnownNote() {
		byte[] typedSeed = Base64.getDecoder().decode(PETER_SKEY_MATERIAL);
		NoteSigner signer = NoteSigner.ofSeed("PeterNeumann", Arrays.copyOfRange(typedSeed, 1, typedSeed.length));
		assertThat(signer.verifierKey().encoded()).isEqualTo(PETER_VKEY);
		assertThat(signer.sign(TEXT).format()).isEqualTo(TEXT + "\n" + PETER_SIGNATURE);
	}

	@Test
	void theZeroSeedGivesEnochRootsKey() {
		// note_test.go's EnochRoot key is the one generated from an all-zero seed
		assertThat(NoteSigner.ofSeed("EnochRoot", new byte[32]).verifierKey().encoded()).isEqualTo(ENOCH_VKEY);
	}

	@Test
	void knownNoteVerifiesWithEitherKeyAndIgnoresUnknownSignatures() {
		SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_SIGNATURE + ENOCH_SIGNATURE);
		assertThat(note.text()).isEqualTo(TEXT);
		assertThat(note.signatures()).extracting(NoteSignature::key)
			.containsExactly("PeterNeumann+c74f20a3", "EnochRoot+af0cfe78");
		assertThat(note.verify(List.of(VerifierKey.parse(PETER_VKEY)))).extracting(VerifierKey::name)
			.containsExactly("PeterNeumann");
		assertThat(note.verify(List.of(VerifierKey.parse(ENOCH_VKEY), VerifierKey.parse(PETER_VKEY)))).hasSize(2);
	}

	@Test
	void alteredTextFailsItsSignature() {
		SignedNote note = SignedNote.parse(TEXT.replace("cryptography", "cryptographY") + "\n" + PETER_SIGNATURE);
		assertThatExceptionOfType(VerificationException.class)
			.isThrownBy(() -> note.verify(List.of(VerifierKey.parse(PETER_VKEY))))
			.withMessageStartingWith("the signature of key PeterNeumann+c74f20a3 does not verify");
	}

	@Test
	void noteOfAnotherKeyIsRefused() {
		SignedNote note = SignedNote.parse(TEXT + "\n" + ENOCH_SIGNATURE);
		assertThatExceptionOfType(VerificationException.class)
			.isThrownBy(() -> note.verify(List.of(VerifierKey.parse(PETER_VKEY))))
			.withMessage("the note is signed by none of the trusted keys (it is signed by EnochRoot+af0cfe78; "
					+ "trusted: PeterNeumann+c74f20a3)");
	}

	@Test
	void malformedNotesAreRefused() {
		assertMalformed(TEXT + PETER_SIGNATURE, "the note has no blank line between its text and its signatures");
		assertMalformed(TEXT + "\n" + PETER_SIGNATURE.trim(), "the note does not end with a newline");
		assertMalformed(TEXT + "\n", "the note has no signature");
		assertMalformed(TEXT + "\n" + PETER_SIGNATURE.replace("\u2014", "-"), "does not start with an em dash");
		assertMalformed(TEXT + "\n" + PETER_SIGNATURE.replace("Neumann ", "Neumann  "), "is not \u2014 <key name>");
		assertMalformed(TEXT + "\n" + PETER_SIGNATURE.replace("AM=", "AM"), "not canonical base64");
		assertMalformed(TEXT.replace("problem,", "problem,\r") + "\n" + PETER_SIGNATURE, "control character (U+000D)");
		assertMalformed(TEXT + "\n" + PETER_SIGNATURE + "\n", "the note has no signature");
		assertThatExceptionOfType(VerificationException.class)
			.isThrownBy(() -> SignedNote.parse(new byte[] { 'a', '\n', '\n', (byte) 0xc3, '\n' }))
			.withMessage("the note is not valid UTF-8");
	}

	@Test
	void malformedVerifierKeysAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VerifierKey
				.parse("PeterNeumann+c74f20a4+" + PETER_VKEY.substring(PETER_VKEY.lastIndexOf('+') + 1)))
			.withMessageContaining("is not the one its public key gives (c74f20a3)");
		assertThatIllegalArgumentException().isThrownBy(() -> VerifierKey.parse("PeterNeumann+C74F20A3+x"))
			.withMessageContaining("not 8 lowercase hex digits");
		assertThatIllegalArgumentException().isThrownBy(() -> VerifierKey.parse("PeterNeumann"))
			.withMessageContaining("not a verifier key");
		assertThatIllegalArgumentException().isThrownBy(() -> VerifierKey.parse(PETER_VKEY.replace("+ARpc", "+Ahpc")))
			.withMessageContaining("not an Ed25519 key");
	}

	@Test
	void checkpointsRoundTripStrictly() {
		byte[] root = Merkle.emptyRoot();
		Checkpoint checkpoint = new Checkpoint("example.com/log", 20852163, root);
		assertThat(checkpoint.text())
			.isEqualTo("example.com/log\n20852163\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
		assertThat(Checkpoint.parse(checkpoint.text())).isEqualTo(checkpoint);
		assertThat(Checkpoint.parse(checkpoint.text() + "extension\n").extensions()).containsExactly("extension");
		assertThatExceptionOfType(VerificationException.class).isThrownBy(
				() -> Checkpoint.parse("example.com/log\n020852163\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"))
			.withMessageContaining("without leading zeros");
		assertThatExceptionOfType(VerificationException.class)
			.isThrownBy(() -> Checkpoint.parse("example.com/log\n1\n"))
			.withMessageContaining("not origin, size and root");
		assertThatExceptionOfType(VerificationException.class)
			.isThrownBy(() -> Checkpoint.parse("example.com/log\n1\nAAAA\n"))
			.withMessageContaining("root must have 32 bytes");
	}

	@Test
	void signedCheckpointNoteRoundTrips() {
		NoteSigner signer = NoteSigner.ofSeed("audit.example/log",
				"0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
		Checkpoint checkpoint = new Checkpoint("audit.example/log/tenant/demo", 3, Merkle.emptyRoot());
		String note = signer.sign(checkpoint.text()).format();
		SignedNote parsed = SignedNote.parse(note);
		parsed.verify(List.of(signer.verifierKey()));
		assertThat(Checkpoint.parse(parsed.text())).isEqualTo(checkpoint);
	}

	private static void assertMalformed(String note, String message) {
		assertThatExceptionOfType(VerificationException.class).isThrownBy(() -> SignedNote.parse(note))
			.withMessageContaining(message);
	}

}
