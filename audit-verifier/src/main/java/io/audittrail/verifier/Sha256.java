package io.audittrail.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 digests from the JDK.
 */
final class Sha256 {

	private Sha256() {
	}

	static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	static byte[] digest(byte[]... parts) {
		MessageDigest digest = newDigest();
		for (byte[] part : parts) {
			digest.update(part);
		}
		return digest.digest();
	}

}
