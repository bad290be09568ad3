package io.audittrail.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.audittrail.verifier.NoteSigner;
import io.audittrail.verifier.SignedNote;
import io.audittrail.verifier.VerifierKey;

/**
 * The key that signs checkpoints and every public key that ever signed them. The signing
 * key comes from a PKCS#8 PEM file, from a keystore entry, or, when neither is
 * configured, from {@value #GENERATED_KEY} in the key directory, generated there at first
 * start. Each signing key's verifier key is added to {@value #VERIFIER_KEYS} in the key
 * directory when first used, so that a rotated key keeps older checkpoints verifiable.
 * Thread-safe.
 */
final class SigningKeys {

	/** The file, in the key directory, of the key generated when none is configured. */
	public static final String GENERATED_KEY = "checkpoint-signing-key.pem";

	/**
	 * The file, in the key directory, of every verifier key that signed checkpoints, one
	 * a line.
	 */
	public static final String VERIFIER_KEYS = "verifier-keys.txt";

	private static final Log logger = LogFactory.getLog(SigningKeys.class);

	private final NoteSigner signer;

	private final List<VerifierKey> verifierKeys;

	private SigningKeys(NoteSigner signer, List<VerifierKey> verifierKeys) {
		this.signer = signer;
		this.verifierKeys = List.copyOf(verifierKeys);
	}

	/**
	 * Loads, or generates and stores, the signing key, and records its verifier key.
	 * @throws SigningKeyException naming the property or file at fault
	 */
	public static SigningKeys load(Settings settings) {
		String name = settings.keyName();
		try {
			SignedNote.requireKeyName(name);
		}
		catch (IllegalArgumentException ex) {
			throw new SigningKeyException("audit.integrity.signing.key-name: " + ex.getMessage(), ex);
		}
		NoteSigner signer;
		if (settings.privateKey() != null && settings.keystore() != null) {
			throw new SigningKeyException("audit.integrity.signing.private-key and audit.integrity.signing.keystore "
					+ "are both set: configure one signing key");
		}
		if (settings.privateKey() != null) {
			signer = NoteSigner.of(name, readPem(settings.privateKey(), "audit.integrity.signing.private-key"));
		}
		else if (settings.keystore() != null) {
			signer = NoteSigner.of(name, readKeystore(settings));
		}
		else {
			signer = NoteSigner.of(name, generatedKey(settings.directory()));
		}
		List<VerifierKey> known = recordVerifierKey(settings.directory(), signer.verifierKey());
		Set<VerifierKey> all = new LinkedHashSet<>(known);
		for (String retired : settings.retiredKeys()) {
			try {
				all.add(VerifierKey.parse(retired));
			}
			catch (IllegalArgumentException ex) {
				throw new SigningKeyException("audit.integrity.signing.retired-keys: " + ex.getMessage(), ex);
			}
		}
		logger
			.info("Audit checkpoints are signed with the key whose verifier key is " + signer.verifierKey().encoded());
		return new SigningKeys(signer, new ArrayList<>(all));
	}

	/** The signer of new checkpoints. */
	public NoteSigner signer() {
		return this.signer;
	}

	/** The verifier key of the current signing key. */
	public VerifierKey current() {
		return this.signer.verifierKey();
	}

	/**
	 * Every verifier key that signed checkpoints, the current one included, oldest first.
	 */
	public List<VerifierKey> verifierKeys() {
		return this.verifierKeys;
	}

	/**
	 * A PEM file of a PKCS#8 private key, the format
	 * {@code openssl genpkey -algorithm ed25519} writes.
	 */
	static String pem(PrivateKey key) {
		return "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(key.getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
	}

	private static PrivateKey readPem(Path file, String property) {
		String pem;
		try {
			pem = Files.readString(file, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new SigningKeyException(property + ": cannot read " + file + " (" + ex.getMessage() + ")", ex);
		}
		String begin = "-----BEGIN PRIVATE KEY-----";
		String end = "-----END PRIVATE KEY-----";
		int from = pem.indexOf(begin);
		int to = pem.indexOf(end);
		if (from < 0 || to < from) {
			throw new SigningKeyException(property + ": " + file + " is not a PKCS#8 PEM file (" + begin + ")");
		}
		try {
			byte[] der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
			return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			throw new SigningKeyException(property + ": " + file + " does not hold an Ed25519 private key", ex);
		}
	}

	private static PrivateKey readKeystore(Settings settings) {
		String property = "audit.integrity.signing.keystore";
		if (settings.keyAlias() == null) {
			throw new SigningKeyException("audit.integrity.signing.key-alias: required with " + property);
		}
		char[] storePassword = (settings.keystorePassword() != null) ? settings.keystorePassword().toCharArray() : null;
		char[] keyPassword = (settings.keyPassword() != null) ? settings.keyPassword().toCharArray() : storePassword;
		try (InputStream in = Files.newInputStream(settings.keystore())) {
			KeyStore keystore = KeyStore.getInstance(settings.keystoreType());
			keystore.load(in, storePassword);
			Key key = keystore.getKey(settings.keyAlias(), keyPassword);
			if (!(key instanceof PrivateKey privateKey)) {
				throw new SigningKeyException(property + ": " + settings.keystore() + " has no private key entry \""
						+ settings.keyAlias() + "\"");
			}
			return privateKey;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new SigningKeyException(property + ": cannot read the key \"" + settings.keyAlias() + "\" of "
					+ settings.keystore() + " (" + ex.getMessage() + ")", ex);
		}
		catch (IllegalArgumentException ex) {
			throw new SigningKeyException(property + ": the key \"" + settings.keyAlias() + "\" is not an Ed25519 key",
					ex);
		}
	}

	private static PrivateKey generatedKey(Path directory) {
		Path file = directory.resolve(GENERATED_KEY);
		if (Files.exists(file)) {
			return readPem(file, "audit.integrity.signing.directory");
		}
		try {
			PrivateKey key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
			Files.createDirectories(directory);
			Path temporary = Files.createTempFile(directory, GENERATED_KEY, ".tmp");
			ownerOnly(temporary);
			Files.writeString(temporary, pem(key), StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			logger.warn("Generated the audit checkpoint signing key " + file.toAbsolutePath()
					+ ": keep it secret and back it up, or configure audit.integrity.signing.private-key");
			return key;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new SigningKeyException("audit.integrity.signing.directory: cannot store a generated key in "
					+ directory.toAbsolutePath() + " (" + ex.getMessage() + ")", ex);
		}
	}

	private static synchronized List<VerifierKey> recordVerifierKey(Path directory, VerifierKey key) {
		Path file = directory.resolve(VERIFIER_KEYS);
		List<VerifierKey> keys = new ArrayList<>();
		try {
			if (Files.exists(file)) {
				int number = 0;
				for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
					number++;
					if (line.isBlank() || line.startsWith("#")) {
						continue;
					}
					try {
						keys.add(VerifierKey.parse(line.strip()));
					}
					catch (IllegalArgumentException ex) {
						throw new SigningKeyException("audit.integrity.signing.directory: line " + number + " of "
								+ file + " is not a verifier key (" + ex.getMessage() + ")", ex);
					}
				}
			}
			if (!keys.contains(key)) {
				Files.createDirectories(directory);
				String header = Files.exists(file) ? ""
						: "# Verifier keys of the audit log's checkpoints, oldest first\n";
				Files.writeString(file, header + key.encoded() + "\n", StandardCharsets.UTF_8,
						StandardOpenOption.CREATE, StandardOpenOption.APPEND);
				keys.add(key);
			}
			return keys;
		}
		catch (IOException ex) {
			throw new SigningKeyException("audit.integrity.signing.directory: cannot record the verifier key in " + file
					+ " (" + ex.getMessage() + ")", ex);
		}
	}

	private static void ownerOnly(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			file.toFile().setReadable(false, false);
			file.toFile().setReadable(true, true);
		}
	}

	/**
	 * Where the signing key comes from.
	 *
	 * @param keyName the key name signatures carry
	 * @param privateKey a PKCS#8 PEM file of an Ed25519 private key, or {@code null}
	 * @param keystore a keystore holding the key, or {@code null}
	 * @param keystoreType the keystore's type, such as {@code PKCS12}
	 * @param keystorePassword the keystore's password, or {@code null}
	 * @param keyAlias the alias of the key in the keystore
	 * @param keyPassword the key's password, or {@code null} for the keystore's
	 * @param directory where a generated key is stored and every verifier key is recorded
	 * @param retiredKeys verifier keys of earlier signing keys, in the verifier key
	 * format
	 */
	public record Settings(String keyName, Path privateKey, Path keystore, String keystoreType, String keystorePassword,
			String keyAlias, String keyPassword, Path directory, List<String> retiredKeys) {

		public Settings {
			retiredKeys = (retiredKeys != null) ? List.copyOf(retiredKeys) : List.of();
		}

	}

}
