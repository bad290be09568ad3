package io.audittrail.core;

import java.util.Map;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * The HTTP request that caused an event, when HTTP capture is on.
 *
 * @param method the HTTP method
 * @param path the request path, without the query string
 * @param status the response status, {@code null} while the response is not complete
 * @param resource the name of the handling controller
 * @param authType how the caller authenticated: {@code API_KEY}, {@code JWT},
 * {@code SESSION} or {@code null}
 * @param detail what was captured of the request on demand: body, query and path
 * parameters, selected headers; never {@code null}
 */
@API(status = Status.STABLE, since = "0.2")
public record RequestInfo(String method, String path, Integer status, String resource, String authType,
		Map<String, Object> detail) {

	public RequestInfo {
		detail = (detail != null) ? Map.copyOf(detail) : Map.of();
	}

}
