package io.audittrail.benchmarks.read;

import java.io.OutputStream;

/** Counts the bytes written to it and keeps none. */
final class CountingOutputStream extends OutputStream {

	private long count;

	@Override
	public void write(int b) {
		this.count++;
	}

	@Override
	public void write(byte[] bytes, int offset, int length) {
		this.count += length;
	}

	long count() {
		return this.count;
	}

}
