package io.audittrail.verifier;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * A note in the C2SP signed-note format: a text ending in a newline, a blank line, and
 * one or more lines {@code — <key name> base64(4-byte key id ‖ signature)}.
 *
 * @param text the signed text, with its final newline
 * @param signatures the signatures, in their order in the note
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

	/** The em dash (U+2014) that starts a signature line. */
	public static final String EM_DASH = "\u2014";

	/**
	 * The most signatures a note may carry here (the format asks verifiers to accept at
	 * least 16).
	 */
	public static final int MAX_SIGNATURES = 100;

	private static final int MAX_LENGTH = 1 << 20;

	public SignedNote {
		requireText(text);
		signatures = List.copyOf(signatures);
		if (signatures.isEmpty()) {
			throw new IllegalArgumentException("a signed note needs at least one signature");
		}
	}

	/** Parses a signed note, strictly. */
	public static SignedNote parse(byte[] note) {
		if (note.length > MAX_LENGTH) {
			throw new VerificationException("the note is larger than " + MAX_LENGTH + " bytes");
		}
		String decoded;
		try {
			decoded = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(note))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new VerificationException("the note is not valid UTF-8");
		}
		return parse(decoded);
	}

	/** Parses a signed note, strictly. */
	public static SignedNote parse(String note) {
		for (int i = 0; i < note.length(); i++) {
			char c = note.charAt(i);
			if (c < 0x20 && c != '\n') {
				throw new VerificationException(
						"the note holds a control character (U+" + String.format("%04X", (int) c) + ") at offset " + i);
			}
		}
		if (!note.endsWith("\n")) {
			throw new VerificationException("the note does not end with a newline");
		}
		int split = note.lastIndexOf("\n\n");
		if (split < 0) {
			throw new VerificationException("the note has no blank line between its text and its signatures");
		}
		String text = note.substring(0, split + 1);
		String block = note.substring(split + 2);
		if (block.isEmpty()) {
			throw new VerificationException("the note has no signature");
		}
		List<NoteSignature> signatures = new ArrayList<>();
		for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
			if (signatures.size() == MAX_SIGNATURES) {
				throw new VerificationException("the note has more than " + MAX_SIGNATURES + " signatures");
			}
			signatures.add(parseSignature(line));
		}
		try {
			return new SignedNote(text, signatures);
		}
		catch (IllegalArgumentException ex) {
			throw new VerificationException("the note " + ex.getMessage());
		}
	}

	private static NoteSignature parseSignature(String line) {
		if (!line.startsWith(EM_DASH + " ")) {
			throw new VerificationException(
					"the signature line \"" + line + "\" does not start with an em dash and a space");
		}
		String rest = line.substring(2);
		int space = rest.indexOf(' ');
		if (space <= 0 || rest.indexOf(' ', space + 1) >= 0) {
			throw new VerificationException("the signature line \"" + line + "\" is not \u2014 <key name> <signature>");
		}
		String name = rest.substring(0, space);
		byte[] signature;
		try {
			requireKeyName(name);
			signature = strictBase64(rest.substring(space + 1));
		}
		catch (IllegalArgumentException ex) {
			throw new VerificationException("the signature line \"" + line + "\": " + ex.getMessage());
		}
		if (signature.length < 5) {
			throw new VerificationException(
					"the signature of " + name + " is too short to hold a key id and a signature");
		}
		int keyId = ByteBuffer.wrap(signature, 0, 4).getInt();
		return new NoteSignature(name, keyId, Arrays.copyOfRange(signature, 4, signature.length));
	}

	/**
	 * The keys among those given whose signatures this note carries and that verify.
	 * Signatures of unknown keys are ignored; a signature of a known key that does not
	 * verify, or no signature of a known key at all, fails with a
	 * {@link VerificationException}.
	 */
	public List<VerifierKey> verify(Collection<VerifierKey> keys) {
		byte[] message = this.text.getBytes(StandardCharsets.UTF_8);
		List<VerifierKey> verified = new ArrayList<>();
		for (NoteSignature signature : this.signatures) {
			for (VerifierKey key : keys) {
				if (key.name().equals(signature.keyName()) && key.keyId() == signature.keyId()) {
					if (!key.verifies(message, signature.signature())) {
						throw new VerificationException("the signature of key " + signature.key()
								+ " does not verify: the note was altered or signed by another key with the same name and id");
					}
					verified.add(key);
				}
			}
		}
		if (verified.isEmpty()) {
			throw new VerificationException("the note is signed by none of the trusted keys (it is signed by "
					+ String.join(", ", this.signatures.stream().map(NoteSignature::key).toList()) + "; trusted: "
					+ String.join(", ",
							keys.stream().map((key) -> key.name() + "+" + VerifierKey.hexId(key.keyId())).toList())
					+ ")");
		}
		return verified;
	}

	/** The note as text: its text, a blank line and its signature lines. */
	public String format() {
		StringBuilder note = new StringBuilder(this.text).append('\n');
		this.signatures.forEach((signature) -> note.append(signature.line()).append('\n'));
		return note.toString();
	}

	static void requireText(String text) {
		if (text == null || text.isEmpty() || !text.endsWith("\n")) {
			throw new IllegalArgumentException("text must end with a newline");
		}
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) < 0x20 && text.charAt(i) != '\n') {
				throw new IllegalArgumentException("text must not hold control characters");
			}
		}
	}

	/**
	 * Checks that a key name is non-empty and holds no space or plus sign, as the format
	 * requires.
	 */
	public static void requireKeyName(String name) {
		if (name == null || name.isEmpty()) {
			throw new IllegalArgumentException("a key name must not be empty");
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20) {
				throw new IllegalArgumentException("the key name \"" + name + "\" holds a space or a plus sign");
			}
		}
	}

	static byte[] strictBase64(String text) {
		byte[] bytes = Base64.getDecoder().decode(text);
		if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
			throw new IllegalArgumentException("not canonical base64: " + text);
		}
		return bytes;
	}

}
