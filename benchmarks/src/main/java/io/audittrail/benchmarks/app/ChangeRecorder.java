package io.audittrail.benchmarks.app;

/**
 * Tells an object-auditing library about a saved or deleted entity graph, inside the
 * transaction that changed it. Implementations are thread-safe.
 */
public interface ChangeRecorder {

	void saved(Object root);

	void deleted(Object root);

	/** A recorder that records nothing, for every mode but JaVers. */
	static ChangeRecorder none() {
		return new ChangeRecorder() {

			@Override
			public void saved(Object root) {
			}

			@Override
			public void deleted(Object root) {
			}

		};
	}

}
