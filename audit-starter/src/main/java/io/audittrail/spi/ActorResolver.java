package io.audittrail.spi;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import io.audittrail.core.Actor;

/**
 * Resolves who performs the current call. Called on the calling thread; implementations
 * must be thread-safe.
 */
@API(status = Status.STABLE, since = "0.2")
@FunctionalInterface
public interface ActorResolver {

	/** The current actor; never {@code null}. */
	Actor currentActor();

	/**
	 * A resolver that always answers {@link Actor#system()}, for applications without
	 * users.
	 */
	static ActorResolver system() {
		return Actor::system;
	}

}
