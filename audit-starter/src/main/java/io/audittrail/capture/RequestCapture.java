package io.audittrail.capture;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import io.audittrail.core.RequestInfo;

/**
 * The HTTP request in which an audited call runs, as HTTP request capture sees it. Events
 * that a call creates carry the request part it answers, and the request is then recorded
 * through them rather than as an entry of its own. Called on the request's thread;
 * implementations must be thread-safe.
 */
@API(status = Status.INTERNAL, since = "0.2")
@FunctionalInterface
public interface RequestCapture {

	/**
	 * The request part for events created now, without its status, or {@code null} when
	 * the current call runs outside a captured request. Marks the current request as
	 * recorded by those events.
	 */
	RequestInfo recordCurrentRequest();

	/** A capture for applications that do not record HTTP requests. */
	static RequestCapture none() {
		return () -> null;
	}

}
