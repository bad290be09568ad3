package io.audittrail.core;

/**
 * Resolves where the current call comes from. Called on the calling thread; implementations must
 * be thread-safe.
 */
@FunctionalInterface
public interface RequestOriginResolver {

	/** The current origin; never {@code null}. */
	RequestOrigin currentOrigin();

	/** A resolver for applications without HTTP requests. */
	static RequestOriginResolver none() {
		return RequestOrigin::none;
	}

}
