package io.audittrail.core;

/**
 * Resolves the trace the current call belongs to, so that its events can be correlated with the
 * application's traces. Called on the calling thread; implementations must be thread-safe.
 */
@FunctionalInterface
public interface TraceContextResolver {

	/** The trace of the current call, or {@code null} when it is not traced. */
	TraceContext currentTrace();

	/** A resolver for applications that do not trace: no event has a trace. */
	static TraceContextResolver none() {
		return () -> null;
	}

}
