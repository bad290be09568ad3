package io.audittrail.verifier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 key that checks signed notes, in the signed-note verifier key format
 * {@code <name>+<hex key id>+<base64(0x01 ‖ public key)>}.
 *
 * @param name the key name signatures carry
 * @param keyId the key id: the first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)
 * @param publicKey the 32-byte Ed25519 public key
 */
public record VerifierKey(String name, int keyId, byte[] publicKey) {

	static final byte ED25519 = 0x01;

	public VerifierKey {
		SignedNote.requireKeyName(name);
		if (publicKey.length != Ed25519.KEY_LENGTH) {
			throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + publicKey.length);
		}
		publicKey = publicKey.clone();
		if (keyId != keyId(name, publicKey)) {
			throw new IllegalArgumentException("the key id " + hexId(keyId) + " of key " + name
					+ " is not the one its public key gives (" + hexId(keyId(name, publicKey)) + ")");
		}
	}

	/** The verifier key of an Ed25519 public key under a name. */
	public static VerifierKey of(String name, PublicKey key) {
		byte[] raw = Ed25519.rawPublicKey(key);
		return new VerifierKey(name, keyId(name, raw), raw);
	}

	/**
	 * Parses a key in the {@code <name>+<hex key id>+<base64(0x01 ‖ public key)>} format.
	 */
	public static VerifierKey parse(String vkey) {
		int first = vkey.indexOf('+');
		int second = (first < 0) ? -1 : vkey.indexOf('+', first + 1);
		if (second < 0) {
			throw new IllegalArgumentException("not a verifier key <name>+<key id>+<key>: " + abbreviate(vkey));
		}
		String name = vkey.substring(0, first);
		String id = vkey.substring(first + 1, second);
		if (!id.matches("[0-9a-f]{8}")) {
			throw new IllegalArgumentException(
					"the key id of verifier key " + name + " is not 8 lowercase hex digits: " + id);
		}
		byte[] typed;
		try {
			typed = SignedNote.strictBase64(vkey.substring(second + 1));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("the key of verifier key " + name + " is not base64", ex);
		}
		if (typed.length != 1 + Ed25519.KEY_LENGTH || typed[0] != ED25519) {
			throw new IllegalArgumentException("verifier key " + name + " is not an Ed25519 key (type 0x01, 32 bytes)");
		}
		return new VerifierKey(name, Integer.parseUnsignedInt(id, 16), Arrays.copyOfRange(typed, 1, typed.length));
	}

	/** The key id of an Ed25519 public key under a name. */
	public static int keyId(String name, byte[] publicKey) {
		byte[] hash = Sha256.digest(name.getBytes(StandardCharsets.UTF_8), new byte[] { '\n', ED25519 }, publicKey);
		return ByteBuffer.wrap(hash, 0, 4).getInt();
	}

	@Override
	public byte[] publicKey() {
		return this.publicKey.clone();
	}

	/** Whether the signature is this key's over the message. */
	public boolean verifies(byte[] message, byte[] signature) {
		return Ed25519.verify(Ed25519.publicKey(this.publicKey), message, signature);
	}

	/** The key as {@code <name>+<hex key id>+<base64(0x01 ‖ public key)>}. */
	public String encoded() {
		return this.name + "+" + hexId(this.keyId) + "+"
				+ Base64.getEncoder().encodeToString(Ed25519.concat(new byte[] { ED25519 }, this.publicKey));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof VerifierKey key && key.name.equals(this.name) && key.keyId == this.keyId
				&& Arrays.equals(key.publicKey, this.publicKey);
	}

	@Override
	public int hashCode() {
		return this.name.hashCode() * 31 + this.keyId;
	}

	@Override
	public String toString() {
		return encoded();
	}

	static String hexId(int keyId) {
		return HexFormat.of().toHexDigits(keyId);
	}

	private static String abbreviate(String text) {
		return (text.length() > 80) ? text.substring(0, 80) + "…" : text;
	}

}
