package io.audittrail.testapp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.audittrail.verifier.Main;
import io.audittrail.verifier.VerifierKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an outside auditor does with an evidence bundle: runs the verifier's
 * {@code bundle} command on it with the published keys, in this JVM.
 */
public final class OfflineVerifier {

	private OfflineVerifier() {
	}

	/**
	 * Verifies a bundle as the verifier's command line does, requiring it to succeed
	 * without a word on standard error.
	 * @param directory where the bundle and the keys file are written
	 * @param bundle the bundle's bytes, as downloaded
	 * @param keys the keys the bundle's checkpoint may be signed with
	 * @return what the verifier printed
	 */
	public static String verifyBundle(Path directory, byte[] bundle, List<VerifierKey> keys) throws IOException {
		Path zip = Files.write(directory.resolve("evidence.zip"), bundle);
		Path keysFile = Files.write(directory.resolve("keys.txt"), keys.stream().map(VerifierKey::encoded).toList());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = Main.run(new String[] { "bundle", zip.toString(), "--key", keysFile.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(exit).isZero();
		return out.toString(StandardCharsets.UTF_8);
	}

}
