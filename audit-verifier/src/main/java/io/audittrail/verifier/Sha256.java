package io.audittrail.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 digests from the JDK.
 */
final class Sha256 {

	private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

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

	/** This thread's digest, reset; not to be held across another use of this class. */
	static MessageDigest threadDigest() {
		MessageDigest digest = DIGEST.get();
		digest.reset();
		return digest;
	}

	static byte[] digest(byte[]... parts) {
		MessageDigest digest = threadDigest();
		for (byte[] part : parts) {
			digest.update(part);
		}
		return digest.digest();
	}

}
