package io.audittrail.spi;

import jakarta.servlet.http.HttpServletRequest;
import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * Tells how the caller of a request authenticated. Called on the request's thread while
 * the request is inside the application's security filters; implementations must be
 * thread-safe.
 */
@API(status = Status.STABLE, since = "0.2")
@FunctionalInterface
public interface HttpAuthTypeResolver {

	/** An API key. */
	String API_KEY = "API_KEY";

	/** A bearer token, such as a JWT. */
	String JWT = "JWT";

	/** A signed-in session. */
	String SESSION = "SESSION";

	/**
	 * {@link #API_KEY}, {@link #JWT}, {@link #SESSION}, another short name, or
	 * {@code null} when unauthenticated.
	 */
	String authType(HttpServletRequest request);

	/** A resolver for applications without authentication. */
	static HttpAuthTypeResolver none() {
		return (request) -> null;
	}

}
