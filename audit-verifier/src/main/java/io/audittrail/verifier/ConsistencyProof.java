package io.audittrail.verifier;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The hashes that show the tree of {@code newSize} leaves extends the tree of
 * {@code oldSize} leaves (RFC 9162 §2.1.4).
 *
 * @param oldSize the earlier tree size
 * @param newSize the later tree size
 * @param hashes the consistency path, 32 bytes each
 */
public record ConsistencyProof(long oldSize, long newSize, List<byte[]> hashes) {

	public ConsistencyProof {
		if (oldSize < 0 || newSize < oldSize) {
			throw new IllegalArgumentException("no consistency proof leads from size " + oldSize + " to " + newSize);
		}
		hashes = List.copyOf(hashes);
	}

	/** The proof as text: one base64 hash a line. */
	public String text() {
		StringBuilder text = new StringBuilder();
		this.hashes.forEach((hash) -> text.append(Base64.getEncoder().encodeToString(hash)).append('\n'));
		return text.toString();
	}

	/**
	 * Parses a proof written by {@link #text()}, between the sizes of two checkpoints.
	 */
	public static ConsistencyProof parse(String text, long oldSize, long newSize) {
		List<byte[]> hashes = new ArrayList<>();
		int lineNumber = 0;
		for (String line : text.split("\n")) {
			lineNumber++;
			if (line.isEmpty()) {
				continue;
			}
			byte[] hash;
			try {
				hash = SignedNote.strictBase64(line);
			}
			catch (IllegalArgumentException ex) {
				throw new VerificationException("line " + lineNumber + " of the consistency proof is not base64");
			}
			if (hash.length != Merkle.HASH_LENGTH) {
				throw new VerificationException(
						"line " + lineNumber + " of the consistency proof is not a 32-byte hash");
			}
			hashes.add(hash);
		}
		return new ConsistencyProof(oldSize, newSize, hashes);
	}

}
