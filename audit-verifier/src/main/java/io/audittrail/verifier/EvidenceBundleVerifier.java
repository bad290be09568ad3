package io.audittrail.verifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks an evidence bundle against trusted keys: the checkpoint's signature, every
 * event's hash, the links and positions of the chain, each event's inclusion proof in the
 * checkpoint's tree and, when present, the consistency of an earlier checkpoint with it.
 * Events and proofs are read line by line, so memory stays constant whatever the bundle's
 * size.
 */
public final class EvidenceBundleVerifier {

	private static final int MAX_NOTE_BYTES = 1 << 20;

	private final Collection<VerifierKey> keys;

	public EvidenceBundleVerifier(Collection<VerifierKey> keys) {
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("no trusted key given");
		}
		this.keys = List.copyOf(keys);
	}

	/**
	 * Verifies the bundle, throwing a {@link VerificationException} naming the first
	 * event, proof or signature that fails and why.
	 */
	public BundleReport verify(Path bundle) throws IOException {
		try (ZipFile zip = open(bundle)) {
			requireEntries(zip);
			SignedNote note = note(zip, EvidenceBundle.CHECKPOINT);
			List<VerifierKey> signedBy = signedBy(note, "the checkpoint");
			Checkpoint checkpoint = checkpoint(note, "the checkpoint");
			Checkpoint previous = null;
			if (zip.getEntry(EvidenceBundle.PREVIOUS_CHECKPOINT) != null) {
				SignedNote previousNote = note(zip, EvidenceBundle.PREVIOUS_CHECKPOINT);
				signedBy(previousNote, "the previous checkpoint");
				previous = checkpoint(previousNote, "the previous checkpoint");
				verifyConsistency(previous, checkpoint,
						new String(read(zip, EvidenceBundle.CONSISTENCY), StandardCharsets.US_ASCII));
			}
			Chain chain = verifyEvents(zip, checkpoint);
			return new BundleReport(checkpoint, signedBy, chain.count, chain.first, chain.last, previous);
		}
	}

	/**
	 * Checks that the log of the new checkpoint extends the log of the old one, throwing
	 * a {@link VerificationException} saying why when it does not.
	 */
	public static void verifyConsistency(Checkpoint old, Checkpoint current, String proofText) {
		if (!old.origin().equals(current.origin())) {
			throw new VerificationException(
					"the checkpoints are of different logs: " + old.origin() + " and " + current.origin());
		}
		if (current.size() < old.size()) {
			throw new VerificationException("the log shrank from " + old.size() + " to " + current.size()
					+ " entries: entries were removed or the log was rebuilt");
		}
		ConsistencyProof proof = ConsistencyProof.parse(proofText, old.size(), current.size());
		try {
			Merkle.verifyConsistency(proof, old.root(), current.root());
		}
		catch (VerificationException ex) {
			throw new VerificationException("the log of size " + current.size() + " does not extend the log of size "
					+ old.size() + ": " + ex.getMessage());
		}
	}

	private Chain verifyEvents(ZipFile zip, Checkpoint checkpoint) throws IOException {
		byte[] root = checkpoint.root();
		Chain chain = new Chain();
		try (BufferedReader events = reader(zip, EvidenceBundle.EVENTS);
				BufferedReader proofs = reader(zip, EvidenceBundle.PROOFS)) {
			EvidenceEvent previous = null;
			long line = 0;
			for (String eventLine = events.readLine(); eventLine != null; eventLine = events.readLine()) {
				line++;
				EvidenceEvent event = parse(line, eventLine, EvidenceBundle.EVENTS, EvidenceBundle::parseEvent);
				String name = name(event);
				checkPlace(event, previous, name);
				String computed = event.computedHash();
				if (!computed.equals(event.hash())) {
					throw new VerificationException(name + ": its content does not match its hash (computed " + computed
							+ ", recorded " + event.hash() + "): the event was edited");
				}
				if (previous != null && !Objects.equals(event.prevHash(), previous.hash())) {
					throw new VerificationException(name + ": its prev_hash does not link to the hash of "
							+ name(previous) + ": an event was replaced or inserted");
				}
				String proofLine = proofs.readLine();
				if (proofLine == null) {
					throw new VerificationException(name + " has no inclusion proof in " + EvidenceBundle.PROOFS);
				}
				EvidenceBundle.ProofLine proof = parse(line, proofLine, EvidenceBundle.PROOFS,
						EvidenceBundle::parseProof);
				checkProof(event, proof, checkpoint, root, name);
				chain.add(event);
				previous = event;
			}
			if (proofs.readLine() != null) {
				throw new VerificationException(
						EvidenceBundle.PROOFS + " has more lines than " + EvidenceBundle.EVENTS + " (" + line + ")");
			}
		}
		return chain;
	}

	private static void checkPlace(EvidenceEvent event, EvidenceEvent previous, String name) {
		if (event.position() < 1) {
			throw new VerificationException(name + ": positions start at 1");
		}
		if (previous == null) {
			if (event.position() == 1 && event.prevHash() != null) {
				throw new VerificationException(name + ": the first event of the chain has a prev_hash");
			}
			return;
		}
		long expected = previous.position() + 1;
		if (event.position() > expected) {
			long missing = event.position() - expected;
			throw new VerificationException(name + ": it follows " + name(previous) + ", so " + missing
					+ ((missing == 1) ? " event is" : " events are") + " missing at position " + expected
					+ ((missing == 1) ? "" : " to " + (event.position() - 1)));
		}
		if (event.position() < expected) {
			throw new VerificationException(
					name + ": it follows " + name(previous) + ": events are out of chain order (moved or swapped)");
		}
	}

	private static void checkProof(EvidenceEvent event, EvidenceBundle.ProofLine proof, Checkpoint checkpoint,
			byte[] root, String name) {
		if (proof.position() != event.position()) {
			throw new VerificationException(name + ": its inclusion proof is for position " + proof.position());
		}
		if (proof.proof().index() != event.position() - 1) {
			throw new VerificationException(name + ": its inclusion proof is for leaf " + proof.proof().index()
					+ ", not leaf " + (event.position() - 1));
		}
		if (proof.proof().size() != checkpoint.size()) {
			throw new VerificationException(name + ": its inclusion proof is for a tree of size " + proof.proof().size()
					+ ", not the checkpoint's " + checkpoint.size());
		}
		try {
			Merkle.verifyInclusion(event.leafHash(), proof.proof(), root);
		}
		catch (VerificationException ex) {
			throw new VerificationException(name + ": it is not in the signed log: " + ex.getMessage());
		}
	}

	private List<VerifierKey> signedBy(SignedNote note, String what) {
		try {
			return note.verify(this.keys);
		}
		catch (VerificationException ex) {
			throw new VerificationException(what + ": " + ex.getMessage());
		}
	}

	private static Checkpoint checkpoint(SignedNote note, String what) {
		try {
			return Checkpoint.parse(note.text());
		}
		catch (VerificationException ex) {
			throw new VerificationException(what + ": " + ex.getMessage());
		}
	}

	private static SignedNote note(ZipFile zip, String entry) throws IOException {
		try {
			return SignedNote.parse(read(zip, entry));
		}
		catch (VerificationException ex) {
			throw new VerificationException(entry + ": " + ex.getMessage());
		}
	}

	private static String name(EvidenceEvent event) {
		return "event " + event.id() + " (position " + event.position() + ")";
	}

	private static <T> T parse(long line, String text, String entry, Function<String, T> parser) {
		try {
			return parser.apply(text);
		}
		catch (IllegalArgumentException ex) {
			throw new VerificationException("line " + line + " of " + entry + ": " + ex.getMessage());
		}
	}

	private static ZipFile open(Path bundle) throws IOException {
		try {
			return new ZipFile(bundle.toFile(), StandardCharsets.UTF_8);
		}
		catch (ZipException ex) {
			throw new VerificationException(bundle + " is not a zip file: " + ex.getMessage());
		}
	}

	private static void requireEntries(ZipFile zip) {
		Set<String> names = new HashSet<>();
		for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
			String name = entries.nextElement().getName();
			if (!EvidenceBundle.ENTRIES.contains(name)) {
				throw new VerificationException("the bundle holds an unknown entry \"" + name + "\"");
			}
			if (!names.add(name)) {
				throw new VerificationException("the bundle holds the entry " + name + " twice");
			}
		}
		for (String required : List.of(EvidenceBundle.CHECKPOINT, EvidenceBundle.EVENTS, EvidenceBundle.PROOFS)) {
			if (!names.contains(required)) {
				throw new VerificationException("the bundle has no " + required);
			}
		}
		if (names.contains(EvidenceBundle.PREVIOUS_CHECKPOINT) != names.contains(EvidenceBundle.CONSISTENCY)) {
			throw new VerificationException("the bundle has a " + EvidenceBundle.PREVIOUS_CHECKPOINT + " without its "
					+ EvidenceBundle.CONSISTENCY + " proof, or the other way round");
		}
	}

	private static byte[] read(ZipFile zip, String entry) throws IOException {
		try (var in = zip.getInputStream(zip.getEntry(entry))) {
			byte[] bytes = in.readNBytes(MAX_NOTE_BYTES + 1);
			if (bytes.length > MAX_NOTE_BYTES) {
				throw new VerificationException(entry + " is larger than " + MAX_NOTE_BYTES + " bytes");
			}
			return bytes;
		}
	}

	private static BufferedReader reader(ZipFile zip, String entry) throws IOException {
		return new BufferedReader(
				new InputStreamReader(zip.getInputStream(zip.getEntry(entry)), StandardCharsets.UTF_8.newDecoder()),
				64 * 1024);
	}

	private static final class Chain {

		private long count;

		private long first;

		private long last;

		void add(EvidenceEvent event) {
			if (this.count == 0) {
				this.first = event.position();
			}
			this.last = event.position();
			this.count++;
		}

	}

}
