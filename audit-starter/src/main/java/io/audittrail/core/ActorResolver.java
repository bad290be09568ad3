package io.audittrail.core;

/**
 * Resolves who performs the current call. Called on the calling thread; implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface ActorResolver {

	/** The current actor; never {@code null}. */
	Actor currentActor();

	/** A resolver that always answers {@link Actor#system()}, for applications without users. */
	static ActorResolver system() {
		return Actor::system;
	}

}
