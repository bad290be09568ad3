package io.audittrail.capture;

import io.audittrail.core.Actor;
import io.audittrail.core.RequestOrigin;

/**
 * Who, for which tenant and from where a call is made, resolved once per call.
 *
 * @param actor the actor
 * @param tenant the tenant, or {@code null} for system-level calls
 * @param origin the request origin
 */
public record EventContext(Actor actor, String tenant, RequestOrigin origin) {

	/** This context in the given tenant. */
	public EventContext inTenant(String tenant) {
		return new EventContext(this.actor, tenant, this.origin);
	}

}
