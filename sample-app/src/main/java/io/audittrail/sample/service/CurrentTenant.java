package io.audittrail.sample.service;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The service the current request acts on, kept as a request attribute: set from the path
 * or the API key when the request is authenticated, and moved when the request creates a
 * service or changes its id. Outside requests there is none.
 */
public final class CurrentTenant {

	private static final String ATTRIBUTE = CurrentTenant.class.getName();

	private CurrentTenant() {
	}

	/** The id of the service the current request acts on, or {@code null}. */
	public static String get() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes != null) ? (String) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
				: null;
	}

	/** Makes the given service the one the current request acts on. */
	public static void set(String serviceId) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			attributes.setAttribute(ATTRIBUTE, serviceId, RequestAttributes.SCOPE_REQUEST);
		}
	}

}
