package io.audittrail.capture;

import io.audittrail.core.Actor;
import io.audittrail.core.RequestOrigin;
import io.audittrail.core.TraceContext;

/**
 * Who, for which tenant, from where and in which trace a call is made, resolved once per
 * call.
 *
 * @param actor the actor
 * @param tenant the tenant, or {@code null} for system-level calls
 * @param origin the request origin
 * @param trace the trace the call belongs to, or {@code null}
 */
record EventContext(Actor actor, String tenant, RequestOrigin origin, TraceContext trace) {

	/** This context in the given tenant. */
	public EventContext inTenant(String tenant) {
		return new EventContext(this.actor, tenant, this.origin, this.trace);
	}

}
