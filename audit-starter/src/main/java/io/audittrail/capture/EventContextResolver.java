package io.audittrail.capture;

import io.audittrail.core.RequestInfo;
import io.audittrail.spi.ActorResolver;
import io.audittrail.spi.RequestOriginResolver;
import io.audittrail.spi.TenantResolver;
import io.audittrail.spi.TraceContextResolver;

/**
 * Resolves the {@link EventContext} of the current call through the application's SPIs.
 */
final class EventContextResolver {

	private final ActorResolver actors;

	private final TenantResolver tenants;

	private final RequestOriginResolver origins;

	private final RequestCapture requests;

	private final TraceContextResolver traces;

	public EventContextResolver(ActorResolver actors, TenantResolver tenants, RequestOriginResolver origins,
			RequestCapture requests, TraceContextResolver traces) {
		this.actors = actors;
		this.tenants = tenants;
		this.origins = origins;
		this.requests = requests;
		this.traces = traces;
	}

	/** The context of the current call. */
	public EventContext current() {
		return new EventContext(this.actors.currentActor(), this.tenants.currentTenant(), this.origins.currentOrigin(),
				this.traces.currentTrace());
	}

	/**
	 * The HTTP request part for events the current call creates, or {@code null}; the
	 * request is then recorded by those events.
	 */
	public RequestInfo recordRequest() {
		return this.requests.recordCurrentRequest();
	}

}
