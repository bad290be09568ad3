package io.audittrail.spi;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import io.audittrail.core.TraceContext;

/**
 * Resolves the trace the current call belongs to, so that its events can be correlated
 * with the application's traces. Called on the calling thread; implementations must be
 * thread-safe.
 */
@API(status = Status.STABLE, since = "0.2")
@FunctionalInterface
public interface TraceContextResolver {

	/** The trace of the current call, or {@code null} when it is not traced. */
	TraceContext currentTrace();

	/** A resolver for applications that do not trace: no event has a trace. */
	static TraceContextResolver none() {
		return () -> null;
	}

}
