package io.audittrail.capture.web;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.audittrail.core.RequestOrigin;
import io.audittrail.spi.RequestOriginResolver;

/**
 * Resolves the client address and request id of the current servlet request. The address
 * is the connection's peer, or, when the peer is a trusted proxy, the last untrusted
 * address of {@code X-Forwarded-For}. The request id is the {@code X-Request-Id} header
 * when it is a sane token, else one generated per request.
 */
final class ServletRequestOriginResolver implements RequestOriginResolver {

	private static final String REQUEST_ID_ATTRIBUTE = ServletRequestOriginResolver.class.getName() + ".requestId";

	private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private final TrustedProxies trustedProxies;

	ServletRequestOriginResolver(List<String> trustedProxies) {
		this.trustedProxies = new TrustedProxies(trustedProxies);
	}

	@Override
	public RequestOrigin currentOrigin() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return RequestOrigin.none();
		}
		HttpServletRequest request = servlet.getRequest();
		return new RequestOrigin(clientAddress(request), requestId(request));
	}

	/**
	 * The client address of the request, honouring {@code X-Forwarded-For} only from
	 * trusted proxies.
	 */
	public String clientAddress(HttpServletRequest request) {
		String peer = request.getRemoteAddr();
		if (!this.trustedProxies.contains(peer)) {
			return peer;
		}
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded == null || forwarded.isBlank()) {
			return peer;
		}
		String[] hops = forwarded.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].trim();
			if (!hop.isEmpty() && !this.trustedProxies.contains(hop)) {
				return hop;
			}
		}
		return hops[0].trim();
	}

	/** The id of the request, the same for every call of the request. */
	public static String requestId(HttpServletRequest request) {
		Object id = request.getAttribute(REQUEST_ID_ATTRIBUTE);
		if (id == null) {
			String header = request.getHeader("X-Request-Id");
			id = (header != null && SANE_REQUEST_ID.matcher(header).matches()) ? header : UUID.randomUUID().toString();
			request.setAttribute(REQUEST_ID_ATTRIBUTE, id);
		}
		return (String) id;
	}

}
