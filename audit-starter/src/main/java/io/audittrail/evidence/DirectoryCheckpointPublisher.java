package io.audittrail.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.audittrail.store.SignedCheckpoint;
import io.audittrail.verifier.Checkpoint;
import io.audittrail.verifier.SignedNote;

/**
 * Writes checkpoints to files, atomically, one directory per chain.
 */
final class DirectoryCheckpointPublisher implements CheckpointPublisher {

	static final String LATEST = "latest.note";

	private final Path directory;

	DirectoryCheckpointPublisher(Path directory) {
		this.directory = directory;
	}

	@Override
	public synchronized void publish(SignedCheckpoint checkpoint) {
		Path chain = this.directory.resolve(chainDirectory(checkpoint.tenant()));
		Path file = chain.resolve(checkpoint.checkpoint().size() + ".note");
		try {
			Files.createDirectories(chain);
			if (Files.exists(file)) {
				Checkpoint published = Checkpoint.parse(SignedNote.parse(Files.readAllBytes(file)).text());
				if (!published.equals(checkpoint.checkpoint())) {
					throw new IllegalStateException("A different checkpoint of size " + checkpoint.checkpoint().size()
							+ " was already published in " + file + ": the chain was rewritten");
				}
			}
			else {
				write(chain, file, checkpoint.note());
			}
			Path latest = chain.resolve(LATEST);
			if (!Files.exists(latest) || Checkpoint.parse(SignedNote.parse(Files.readAllBytes(latest)).text())
				.size() <= checkpoint.checkpoint().size()) {
				write(chain, latest, checkpoint.note());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot publish the checkpoint to " + file, ex);
		}
	}

	static String chainDirectory(String tenant) {
		return (tenant != null) ? "tenant-" + URLEncoder.encode(tenant, StandardCharsets.UTF_8) : "system";
	}

	private static void write(Path directory, Path file, String note) throws IOException {
		Path temporary = Files.createTempFile(directory, ".checkpoint", ".tmp");
		try {
			Files.writeString(temporary, note, StandardCharsets.UTF_8);
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
