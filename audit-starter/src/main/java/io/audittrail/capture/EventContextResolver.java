package io.audittrail.capture;

import io.audittrail.core.ActorResolver;
import io.audittrail.core.RequestOriginResolver;
import io.audittrail.core.TenantResolver;

/**
 * Resolves the {@link EventContext} of the current call through the application's SPIs.
 */
public final class EventContextResolver {

	private final ActorResolver actors;

	private final TenantResolver tenants;

	private final RequestOriginResolver origins;

	public EventContextResolver(ActorResolver actors, TenantResolver tenants, RequestOriginResolver origins) {
		this.actors = actors;
		this.tenants = tenants;
		this.origins = origins;
	}

	/** The context of the current call. */
	public EventContext current() {
		return new EventContext(this.actors.currentActor(), this.tenants.currentTenant(), this.origins.currentOrigin());
	}

}
