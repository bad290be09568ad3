package io.audittrail.verifier;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The text of a C2SP transparency log checkpoint: the log's origin, its size and its RFC
 * 6962 root, one a line, then optional extension lines.
 *
 * @param origin the log's identity, a non-empty line
 * @param size the number of leaves
 * @param root the 32-byte root hash of the tree of that size
 * @param extensions opaque non-empty lines after the root, usually none
 */
public record Checkpoint(String origin, long size, byte[] root, List<String> extensions) {

	public Checkpoint {
		if (origin == null || origin.isEmpty() || origin.contains("\n")) {
			throw new IllegalArgumentException("a checkpoint's origin must be one non-empty line");
		}
		if (size < 0) {
			throw new IllegalArgumentException("a checkpoint's size must not be negative");
		}
		if (root.length != Merkle.HASH_LENGTH) {
			throw new IllegalArgumentException("a checkpoint's root must have " + Merkle.HASH_LENGTH + " bytes");
		}
		root = root.clone();
		extensions = List.copyOf(extensions);
		for (String extension : extensions) {
			if (extension.isEmpty() || extension.contains("\n")) {
				throw new IllegalArgumentException("a checkpoint's extension lines must be non-empty lines");
			}
		}
	}

	/** A checkpoint without extension lines. */
	public Checkpoint(String origin, long size, byte[] root) {
		this(origin, size, root, List.of());
	}

	/** Parses a checkpoint's text (the text of its signed note), strictly. */
	public static Checkpoint parse(String text) {
		if (!text.endsWith("\n")) {
			throw new VerificationException("the checkpoint does not end with a newline");
		}
		String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
		if (lines.length < 3) {
			throw new VerificationException("the checkpoint has " + lines.length + " lines, not origin, size and root");
		}
		if (!EventEncoding.COUNT.matcher(lines[1]).matches()) {
			throw new VerificationException(
					"the checkpoint's size \"" + lines[1] + "\" is not a decimal number without leading zeros");
		}
		long size;
		byte[] root;
		try {
			size = Long.parseLong(lines[1]);
			root = SignedNote.strictBase64(lines[2]);
		}
		catch (IllegalArgumentException ex) {
			throw new VerificationException("the checkpoint's root \"" + lines[2] + "\" is not base64");
		}
		List<String> extensions = new ArrayList<>(List.of(lines).subList(3, lines.length));
		try {
			return new Checkpoint(lines[0], size, root, extensions);
		}
		catch (IllegalArgumentException ex) {
			throw new VerificationException("the checkpoint is malformed: " + ex.getMessage());
		}
	}

	/**
	 * The checkpoint's text: {@code <origin>\n<size>\n<base64 root>\n} and any extension
	 * lines.
	 */
	public String text() {
		StringBuilder text = new StringBuilder(this.origin).append('\n')
			.append(this.size)
			.append('\n')
			.append(Base64.getEncoder().encodeToString(this.root))
			.append('\n');
		this.extensions.forEach((extension) -> text.append(extension).append('\n'));
		return text.toString();
	}

	@Override
	public byte[] root() {
		return this.root.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Checkpoint checkpoint && checkpoint.text().equals(text());
	}

	@Override
	public int hashCode() {
		return text().hashCode();
	}

	@Override
	public String toString() {
		return this.origin + " @ " + this.size + " " + Base64.getEncoder().encodeToString(this.root);
	}

}
