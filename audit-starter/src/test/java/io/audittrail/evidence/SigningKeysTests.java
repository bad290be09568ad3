package io.audittrail.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.audittrail.verifier.SignedNote;
import io.audittrail.verifier.VerifierKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SigningKeysTests {

	/**
	 * The Ed25519 private key of RFC 8410 §10.3, whose public key is the one of §10.1.
	 */
	private static final String RFC_8410_PRIVATE_KEY = """
			-----BEGIN PRIVATE KEY-----
			MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
			-----END PRIVATE KEY-----
			""";

	private static final String RFC_8410_PUBLIC_KEY = "Gb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=";

	@TempDir
	Path directory;

	@Test
	void generatesAKeyAtFirstStartAndKeepsIt() throws IOException {
		SigningKeys first = SigningKeys.load(settings(null, null));
		Path key = this.directory.resolve("keys").resolve(SigningKeys.GENERATED_KEY);
		assertThat(key).exists();
		assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
		assertThat(Files.readAllLines(this.directory.resolve("keys").resolve(SigningKeys.VERIFIER_KEYS)))
			.contains(first.current().encoded());
		SigningKeys again = SigningKeys.load(settings(null, null));
		assertThat(again.current()).isEqualTo(first.current());
		assertThat(again.verifierKeys()).containsExactly(first.current());
		assertThat(first.current().name()).isEqualTo("cms.example/audit");
	}

	@Test
	void loadsAPkcs8PemFile() throws IOException {
		Path pem = Files.writeString(this.directory.resolve("signing.pem"), RFC_8410_PRIVATE_KEY);
		SigningKeys keys = SigningKeys.load(settings(pem, null));
		assertThat(keys.current().encoded()).endsWith("+" + Base64.getEncoder()
			.encodeToString(concat(new byte[] { 1 }, Base64.getDecoder().decode(RFC_8410_PUBLIC_KEY))));
		String note = keys.signer()
			.sign("cms.example/audit/system\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n")
			.format();
		assertThat(SignedNote.parse(note).verify(keys.verifierKeys())).containsExactly(keys.current());
		assertThat(this.directory.resolve("keys").resolve(SigningKeys.GENERATED_KEY)).doesNotExist();
	}

	@Test
	void loadsAKeystoreEntry() throws Exception {
		Path keystore = this.directory.resolve("audit.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-keyalg", "Ed25519", "-alias", "checkpoints", "-keystore", keystore.toString(),
				"-storetype", "PKCS12", "-storepass", "secret-password", "-dname", "CN=audit")
			.redirectErrorStream(true)
			.start();
		assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
		SigningKeys keys = SigningKeys.load(new SigningKeys.Settings("cms.example/audit", null, keystore, "PKCS12",
				"secret-password", "checkpoints", null, this.directory.resolve("keys"), List.of()));
		String note = keys.signer().sign("text\n").format();
		assertThat(SignedNote.parse(note).verify(keys.verifierKeys())).containsExactly(keys.current());
		assertThatExceptionOfType(SigningKeyException.class)
			.isThrownBy(() -> SigningKeys.load(new SigningKeys.Settings("cms.example/audit", null, keystore, "PKCS12",
					"secret-password", "other", null, this.directory.resolve("keys"), List.of())))
			.withMessage("audit.integrity.signing.keystore: " + keystore + " has no private key entry \"other\"");
	}

	@Test
	void rotationKeepsOlderCheckpointsVerifiable() throws IOException {
		SigningKeys generated = SigningKeys.load(settings(null, null));
		String oldNote = generated.signer()
			.sign("cms.example/audit/system\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n")
			.format();
		Path pem = Files.writeString(this.directory.resolve("signing.pem"), RFC_8410_PRIVATE_KEY);
		SigningKeys rotated = SigningKeys.load(settings(pem, null));
		assertThat(rotated.current()).isNotEqualTo(generated.current());
		assertThat(rotated.verifierKeys()).containsExactly(generated.current(), rotated.current());
		assertThat(SignedNote.parse(oldNote).verify(rotated.verifierKeys())).containsExactly(generated.current());
		assertThat(Files.readAllLines(this.directory.resolve("keys").resolve(SigningKeys.VERIFIER_KEYS)))
			.containsSubsequence(generated.current().encoded(), rotated.current().encoded());
	}

	@Test
	void retiredKeysFromPropertiesAreTrusted() {
		VerifierKey retired = VerifierKey.parse("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
		SigningKeys keys = SigningKeys.load(new SigningKeys.Settings("cms.example/audit", null, null, "PKCS12", null,
				null, null, this.directory.resolve("keys"), List.of(retired.encoded())));
		assertThat(keys.verifierKeys()).containsExactly(keys.current(), retired);
	}

	@Test
	void badKeysNameTheirProperty() throws IOException, NoSuchAlgorithmException {
		Path garbage = Files.writeString(this.directory.resolve("garbage.pem"), "not a key");
		assertThatExceptionOfType(SigningKeyException.class).isThrownBy(() -> SigningKeys.load(settings(garbage, null)))
			.withMessage("audit.integrity.signing.private-key: " + garbage
					+ " is not a PKCS#8 PEM file (-----BEGIN PRIVATE KEY-----)");
		Path rsa = Files.writeString(this.directory.resolve("rsa.pem"),
				SigningKeys.pem(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate()));
		assertThatExceptionOfType(SigningKeyException.class).isThrownBy(() -> SigningKeys.load(settings(rsa, null)))
			.withMessage("audit.integrity.signing.private-key: " + rsa + " does not hold an Ed25519 private key");
		Path missing = this.directory.resolve("missing.pem");
		assertThatExceptionOfType(SigningKeyException.class).isThrownBy(() -> SigningKeys.load(settings(missing, null)))
			.withMessageStartingWith("audit.integrity.signing.private-key: cannot read " + missing);
		assertThatExceptionOfType(SigningKeyException.class)
			.isThrownBy(() -> SigningKeys.load(settings(rsa, this.directory.resolve("x.p12"))))
			.withMessageContaining("are both set");
		assertThatExceptionOfType(SigningKeyException.class)
			.isThrownBy(() -> SigningKeys.load(new SigningKeys.Settings("cms example", null, null, "PKCS12", null, null,
					null, this.directory, List.of())))
			.withMessage("audit.integrity.signing.key-name: the key name \"cms example\" holds a space or a plus sign");
		assertThatExceptionOfType(SigningKeyException.class)
			.isThrownBy(() -> SigningKeys.load(new SigningKeys.Settings("cms.example/audit", null, null, "PKCS12", null,
					null, null, this.directory, List.of("not-a-key"))))
			.withMessageStartingWith("audit.integrity.signing.retired-keys: ");
	}

	private SigningKeys.Settings settings(Path privateKey, Path keystore) {
		return new SigningKeys.Settings("cms.example/audit", privateKey, keystore, "PKCS12", null, "alias", null,
				this.directory.resolve("keys"), List.of());
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] result = new byte[first.length + second.length];
		System.arraycopy(first, 0, result, 0, first.length);
		System.arraycopy(second, 0, result, first.length, second.length);
		return result;
	}

}
