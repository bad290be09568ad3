package io.audittrail.core;

import java.util.Objects;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * The one who performed an operation.
 *
 * @param type what kind of actor this is
 * @param id a stable id, such as a member id or an API key id; may be {@code null}
 * @param name the display name, such as an email or an API key name; may be {@code null}
 */
@API(status = Status.STABLE, since = "0.2")
public record Actor(ActorType type, String id, String name) {

	private static final Actor SYSTEM = new Actor(ActorType.SYSTEM, null, "system");

	private static final Actor ANONYMOUS = new Actor(ActorType.ANONYMOUS, null, null);

	public Actor {
		Objects.requireNonNull(type, "type must not be null");
	}

	/** A member, identified by id, shown by email. */
	public static Actor member(String id, String email) {
		return new Actor(ActorType.MEMBER, id, email);
	}

	/** An API key, identified by id, shown by its display name. */
	public static Actor apiKey(String id, String displayName) {
		return new Actor(ActorType.API_KEY, id, displayName);
	}

	/** The application itself. */
	public static Actor system() {
		return SYSTEM;
	}

	/** An unauthenticated caller. */
	public static Actor anonymous() {
		return ANONYMOUS;
	}

}
