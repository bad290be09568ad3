package io.audittrail.verifier;

import java.util.Base64;

/**
 * One signature line of a signed note: {@code — <key name> base64(key id ‖ signature)}.
 *
 * @param keyName the name of the key that signed
 * @param keyId the key id of the key that signed
 * @param signature the signature bytes (without the key id)
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

	public NoteSignature {
		SignedNote.requireKeyName(keyName);
		signature = signature.clone();
	}

	@Override
	public byte[] signature() {
		return this.signature.clone();
	}

	/** The signature's line, without its final newline. */
	public String line() {
		return SignedNote.EM_DASH + " " + this.keyName + " "
				+ Base64.getEncoder().encodeToString(NoteSigner.withKeyId(this.keyId, this.signature));
	}

	/** The key name and id, as {@code name+hex id}. */
	public String key() {
		return this.keyName + "+" + VerifierKey.hexId(this.keyId);
	}

}
