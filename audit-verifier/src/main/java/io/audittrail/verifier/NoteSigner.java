package io.audittrail.verifier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.List;

/**
 * Signs notes with one Ed25519 key under one key name. Thread-safe.
 */
public final class NoteSigner {

	private final PrivateKey privateKey;

	private final VerifierKey verifierKey;

	private NoteSigner(PrivateKey privateKey, VerifierKey verifierKey) {
		this.privateKey = privateKey;
		this.verifierKey = verifierKey;
	}

	/** A signer with an Ed25519 private key (its public key is derived from it). */
	public static NoteSigner of(String name, PrivateKey privateKey) {
		return ofSeed(name, Ed25519.seed(privateKey));
	}

	/** A signer with the Ed25519 private key given as its 32-byte seed. */
	public static NoteSigner ofSeed(String name, byte[] seed) {
		KeyPair pair = Ed25519.keyPair(seed);
		return new NoteSigner(pair.getPrivate(), VerifierKey.of(name, pair.getPublic()));
	}

	/** The key that verifies this signer's notes. */
	public VerifierKey verifierKey() {
		return this.verifierKey;
	}

	/** The signature of this key over a note's text. */
	public NoteSignature signature(String text) {
		SignedNote.requireText(text);
		byte[] signature = Ed25519.sign(this.privateKey, text.getBytes(StandardCharsets.UTF_8));
		return new NoteSignature(this.verifierKey.name(), this.verifierKey.keyId(), signature);
	}

	/** The signed note of a text ending in a newline. */
	public SignedNote sign(String text) {
		return new SignedNote(text, List.of(signature(text)));
	}

	static byte[] withKeyId(int keyId, byte[] signature) {
		return ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
	}

}
