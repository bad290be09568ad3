package io.audittrail.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command-line verifier. Exits with 0 when the evidence holds, 1 when it does not
 * (naming the first event, proof or signature that fails, and why) and 2 on a usage
 * error.
 */
public final class Main {

	static final int VERIFIED = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	private static final String USAGE_TEXT = """
			usage: java -jar audit-verifier.jar bundle <evidence.zip> --key <keys>
			       java -jar audit-verifier.jar consistency <old.note> <new.note> --proof <proof.txt> --key <keys>

			<keys> is a file of trusted verifier keys, one <name>+<key id>+<base64 key> a line
			(lines starting with # are ignored); --key may be given more than once.""";

	private Main() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Runs a command, printing to the given streams, and returns the exit code. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		Arguments arguments;
		try {
			arguments = Arguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println("error: " + ex.getMessage());
			err.println(USAGE_TEXT);
			return USAGE;
		}
		try {
			List<VerifierKey> keys = keys(arguments.keys);
			if (arguments.command.equals("bundle")) {
				return bundle(arguments.files.get(0), keys, out);
			}
			return consistency(arguments.files.get(0), arguments.files.get(1), arguments.proof, keys, out);
		}
		catch (IllegalArgumentException ex) {
			err.println("error: " + ex.getMessage());
			return USAGE;
		}
		catch (VerificationException ex) {
			err.println("FAILED: " + ex.getMessage());
			return FAILED;
		}
		catch (IOException ex) {
			err.println("FAILED: cannot read the evidence: " + ex);
			return FAILED;
		}
	}

	private static int bundle(Path bundle, List<VerifierKey> keys, PrintStream out) throws IOException {
		BundleReport report = new EvidenceBundleVerifier(keys).verify(existing(bundle));
		Checkpoint checkpoint = report.checkpoint();
		out.println("OK: " + bundle);
		out.println("  checkpoint: " + checkpoint.origin() + ", size " + checkpoint.size() + ", root "
				+ Base64.getEncoder().encodeToString(checkpoint.root()));
		out.println("  signed by:  " + signers(report.signedBy()));
		if (report.events() == 0) {
			out.println("  events:     none");
		}
		else {
			out.println("  events:     " + report.events() + " (positions " + report.firstPosition() + " to "
					+ report.lastPosition() + "): hashes, chain links and inclusion proofs verified");
		}
		if (report.previous() != null) {
			out.println("  extends:    the checkpoint of size " + report.previous().size()
					+ " (consistency proof verified)");
		}
		return VERIFIED;
	}

	private static int consistency(Path oldFile, Path newFile, Path proofFile, List<VerifierKey> keys, PrintStream out)
			throws IOException {
		Checkpoint old = signedCheckpoint(oldFile, keys);
		Checkpoint current = signedCheckpoint(newFile, keys);
		EvidenceBundleVerifier.verifyConsistency(old, current,
				new String(Files.readAllBytes(existing(proofFile)), StandardCharsets.US_ASCII));
		out.println("OK: " + current.origin() + " grew from " + old.size() + " to " + current.size()
				+ " entries without changing any of the first " + old.size());
		return VERIFIED;
	}

	private static Checkpoint signedCheckpoint(Path file, List<VerifierKey> keys) throws IOException {
		try {
			SignedNote note = SignedNote.parse(Files.readAllBytes(existing(file)));
			note.verify(keys);
			return Checkpoint.parse(note.text());
		}
		catch (VerificationException ex) {
			throw new VerificationException(file + ": " + ex.getMessage());
		}
	}

	private static String signers(List<VerifierKey> keys) {
		return keys.stream()
			.map((key) -> key.name() + "+" + VerifierKey.hexId(key.keyId()))
			.collect(Collectors.joining(", "));
	}

	private static List<VerifierKey> keys(List<Path> files) throws IOException {
		List<VerifierKey> keys = new ArrayList<>();
		for (Path file : files) {
			int number = 0;
			for (String line : Files.readAllLines(existing(file), StandardCharsets.UTF_8)) {
				number++;
				String key = line.strip();
				if (key.isEmpty() || key.startsWith("#")) {
					continue;
				}
				try {
					keys.add(VerifierKey.parse(key));
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException(file + " line " + number + ": " + ex.getMessage());
				}
			}
		}
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("no verifier key in " + files);
		}
		return keys;
	}

	private static Path existing(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("no such file: " + file);
		}
		return file;
	}

	private record Arguments(String command, List<Path> files, Path proof, List<Path> keys) {

		static Arguments parse(String[] args) {
			if (args.length == 0) {
				throw new IllegalArgumentException("no command");
			}
			String command = args[0];
			if (!command.equals("bundle") && !command.equals("consistency")) {
				throw new IllegalArgumentException("unknown command \"" + command + "\"");
			}
			List<Path> files = new ArrayList<>();
			List<Path> keys = new ArrayList<>();
			Path proof = null;
			for (int i = 1; i < args.length; i++) {
				String arg = args[i];
				if (arg.equals("--key") || arg.equals("--proof")) {
					if (i + 1 == args.length) {
						throw new IllegalArgumentException(arg + " needs a file");
					}
					Path value = Path.of(args[++i]);
					if (arg.equals("--key")) {
						keys.add(value);
					}
					else if (proof != null) {
						throw new IllegalArgumentException("--proof is given twice");
					}
					else {
						proof = value;
					}
				}
				else if (arg.startsWith("-")) {
					throw new IllegalArgumentException("unknown option " + arg);
				}
				else {
					files.add(Path.of(arg));
				}
			}
			int expected = command.equals("bundle") ? 1 : 2;
			if (files.size() != expected) {
				throw new IllegalArgumentException(command + " takes " + expected + " file"
						+ ((expected == 1) ? "" : "s") + ", not " + files.size());
			}
			if (keys.isEmpty()) {
				throw new IllegalArgumentException("--key is required");
			}
			if (command.equals("consistency") && proof == null) {
				throw new IllegalArgumentException("--proof is required");
			}
			if (command.equals("bundle") && proof != null) {
				throw new IllegalArgumentException("bundle takes no --proof: the bundle holds its proofs");
			}
			return new Arguments(command, files, proof, keys);
		}

	}

}
