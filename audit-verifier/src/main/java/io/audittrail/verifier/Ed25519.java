package io.audittrail.verifier;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 keys and signatures through the JDK's own provider, with keys as their raw RFC
 * 8032 bytes.
 */
final class Ed25519 {

	static final int KEY_LENGTH = 32;

	private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

	private Ed25519() {
	}

	static PublicKey publicKey(byte[] raw) {
		if (raw.length != KEY_LENGTH) {
			throw new IllegalArgumentException("an Ed25519 public key has " + KEY_LENGTH + " bytes, not " + raw.length);
		}
		try {
			return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, raw)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not an Ed25519 public key: " + ex.getMessage(), ex);
		}
	}

	static byte[] rawPublicKey(PublicKey key) {
		byte[] encoded = key.getEncoded();
		if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())
				|| encoded.length != SPKI_PREFIX.length + KEY_LENGTH
				|| !Arrays.equals(encoded, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
			throw new IllegalArgumentException("not an Ed25519 public key (" + key.getAlgorithm() + ")");
		}
		return Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length);
	}

	/** The key pair whose private key is the given 32-byte seed. */
	static KeyPair keyPair(byte[] seed) {
		if (seed.length != KEY_LENGTH) {
			throw new IllegalArgumentException(
					"an Ed25519 private key has " + KEY_LENGTH + " bytes, not " + seed.length);
		}
		try {
			// the JDK derives the public key only while generating: hand it the seed as
			// its randomness
			KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
			generator.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
			KeyPair pair = generator.generateKeyPair();
			if (!Arrays.equals(seed(pair.getPrivate()), seed)) {
				throw new IllegalStateException("the JDK did not derive the key pair from the given seed");
			}
			return pair;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 is not available", ex);
		}
	}

	/** The 32-byte seed of an Ed25519 private key. */
	static byte[] seed(PrivateKey key) {
		if (key instanceof EdECPrivateKey edKey && edKey.getBytes().isPresent()) {
			return edKey.getBytes().get();
		}
		byte[] encoded = key.getEncoded();
		if (encoded != null && encoded.length == PKCS8_PREFIX.length + KEY_LENGTH
				&& Arrays.equals(encoded, 0, PKCS8_PREFIX.length, PKCS8_PREFIX, 0, PKCS8_PREFIX.length)) {
			return Arrays.copyOfRange(encoded, PKCS8_PREFIX.length, encoded.length);
		}
		throw new IllegalArgumentException("not an Ed25519 private key (" + key.getAlgorithm() + ")");
	}

	/** The Ed25519 private key of a PKCS#8 (DER) encoding. */
	static PrivateKey privateKey(byte[] pkcs8) {
		try {
			return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not an Ed25519 private key in PKCS#8: " + ex.getMessage(), ex);
		}
	}

	static byte[] sign(PrivateKey key, byte[] message) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initSign(key);
			signature.update(message);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot sign with Ed25519: " + ex.getMessage(), ex);
		}
	}

	static boolean verify(PublicKey key, byte[] message, byte[] signature) {
		try {
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(key);
			verifier.update(message);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] result = new byte[length];
		int offset = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, result, offset, part.length);
			offset += part.length;
		}
		return result;
	}

	private static final class FixedRandom extends SecureRandom {

		private static final long serialVersionUID = 1L;

		private final byte[] bytes;

		FixedRandom(byte[] bytes) {
			this.bytes = bytes.clone();
		}

		@Override
		public void nextBytes(byte[] target) {
			if (target.length != this.bytes.length) {
				throw new IllegalStateException("expected a request for " + this.bytes.length + " bytes");
			}
			System.arraycopy(this.bytes, 0, target, 0, target.length);
		}

	}

}
