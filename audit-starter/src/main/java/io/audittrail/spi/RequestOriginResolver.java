package io.audittrail.spi;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import io.audittrail.core.RequestOrigin;

/**
 * Resolves where the current call comes from. Called on the calling thread;
 * implementations must be thread-safe.
 */
@API(status = Status.STABLE, since = "0.2")
@FunctionalInterface
public interface RequestOriginResolver {

	/** The current origin; never {@code null}. */
	RequestOrigin currentOrigin();

	/** A resolver for applications without HTTP requests. */
	static RequestOriginResolver none() {
		return RequestOrigin::none;
	}

}
