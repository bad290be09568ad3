package io.audittrail.core;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * Who performed an operation.
 */
@API(status = Status.STABLE, since = "0.2")
public enum ActorType {

	/** A signed-in member; the actor's name is the member's email. */
	MEMBER,

	/** An API key; the actor's name is the key's display name. */
	API_KEY,

	/** The application itself, such as a scheduled job. */
	SYSTEM,

	/** An unauthenticated caller. */
	ANONYMOUS

}
