package io.audittrail.verifier;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an evidence bundle as it goes, in constant memory: first the checkpoint (and
 * optionally an earlier one with its consistency proof), then the events in chain order,
 * then one inclusion proof per event in the same order. Closing finishes the zip and
 * closes the stream. Not thread-safe.
 */
public final class EvidenceBundleWriter implements Closeable {

	private enum State {

		CHECKPOINTS, EVENTS, PROOFS, CLOSED

	}

	private final ZipOutputStream zip;

	private final Writer text;

	private State state = State.CHECKPOINTS;

	private boolean checkpointWritten;

	private long events;

	private long proofs;

	private long lastPosition = -1;

	public EvidenceBundleWriter(OutputStream out) {
		this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		this.text = new BufferedWriter(new OutputStreamWriter(new FilterOutputStream(this.zip) {

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				this.out.write(bytes, offset, length);
			}

			@Override
			public void close() throws IOException {
				flush();
			}

		}, StandardCharsets.UTF_8), 64 * 1024);
	}

	/** Writes the signed note of the checkpoint the proofs lead to. */
	public void checkpoint(String note) {
		requireState(State.CHECKPOINTS, "the checkpoint comes before the events");
		if (this.checkpointWritten) {
			throw new IllegalStateException("a bundle holds one checkpoint");
		}
		entry(EvidenceBundle.CHECKPOINT, note);
		this.checkpointWritten = true;
	}

	/**
	 * Writes an earlier signed checkpoint of the same log and the proof that the log only
	 * grew since.
	 */
	public void previousCheckpoint(String note, ConsistencyProof proof) {
		requireState(State.CHECKPOINTS, "the previous checkpoint comes before the events");
		entry(EvidenceBundle.PREVIOUS_CHECKPOINT, note);
		entry(EvidenceBundle.CONSISTENCY, proof.text());
	}

	/** Writes the next event of the chain. */
	public void event(EvidenceEvent event) {
		if (this.state == State.CHECKPOINTS) {
			if (!this.checkpointWritten) {
				throw new IllegalStateException("the checkpoint comes before the events");
			}
			open(EvidenceBundle.EVENTS);
			this.state = State.EVENTS;
		}
		requireState(State.EVENTS, "the events come before their proofs");
		line(EvidenceBundle.eventLine(event));
		this.events++;
	}

	/**
	 * Writes the inclusion proof of the next event, at the given position, in the
	 * checkpoint's tree.
	 */
	public void proof(long position, InclusionProof proof) {
		if (this.state == State.EVENTS) {
			closeEntry();
			open(EvidenceBundle.PROOFS);
			this.state = State.PROOFS;
		}
		requireState(State.PROOFS, "the proofs follow the events");
		if (this.proofs == this.events) {
			throw new IllegalStateException("there are more proofs than events");
		}
		if (this.lastPosition >= 0 && position != this.lastPosition + 1) {
			throw new IllegalStateException(
					"proofs follow the events in chain order: position " + position + " after " + this.lastPosition);
		}
		line(EvidenceBundle.proofLine(position, proof));
		this.lastPosition = position;
		this.proofs++;
	}

	/** How many events were written so far. */
	public long events() {
		return this.events;
	}

	@Override
	public void close() {
		if (this.state == State.CLOSED) {
			return;
		}
		if (!this.checkpointWritten) {
			throw new IllegalStateException("a bundle needs its checkpoint");
		}
		if (this.state == State.CHECKPOINTS) {
			open(EvidenceBundle.EVENTS);
			this.state = State.EVENTS;
		}
		if (this.state == State.EVENTS) {
			closeEntry();
			open(EvidenceBundle.PROOFS);
		}
		closeEntry();
		this.state = State.CLOSED;
		try {
			this.zip.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (this.proofs != this.events) {
			throw new IllegalStateException(this.events + " events but " + this.proofs + " proofs were written");
		}
	}

	private void entry(String name, String content) {
		open(name);
		line(content.endsWith("\n") ? content.substring(0, content.length() - 1) : content);
		closeEntry();
	}

	private void open(String name) {
		try {
			this.zip.putNextEntry(new ZipEntry(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void line(String line) {
		try {
			this.text.write(line);
			this.text.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void closeEntry() {
		try {
			this.text.flush();
			this.zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void requireState(State required, String rule) {
		if (this.state != required) {
			throw new IllegalStateException(rule);
		}
	}

}
