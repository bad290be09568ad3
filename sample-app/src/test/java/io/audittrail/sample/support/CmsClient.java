package io.audittrail.sample.support;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the running application as a member (with a JWT), as an API key, or anonymously.
 */
public final class CmsClient {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final RestClient rest;

	private final JsonMapper json;

	private final Consumer<HttpHeaders> credentials;

	private CmsClient(RestClient rest, JsonMapper json, Consumer<HttpHeaders> credentials) {
		this.rest = rest;
		this.json = json;
		this.credentials = credentials;
	}

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	/** A client without credentials for the application on the given port. */
	public static CmsClient anonymous(int port, JsonMapper json) {
		return new CmsClient(rest(port, HTTP), json, (headers) -> {
		});
	}

	/**
	 * A client signed in on the login page as the given demo member: it sends the session
	 * cookie, and the CSRF token that requests of a session need.
	 */
	public static CmsClient session(int port, JsonMapper json, String email) {
		RestClient rest = rest(port,
				HttpClient.newBuilder()
					.version(HttpClient.Version.HTTP_1_1)
					.cookieHandler(new CookieManager())
					.build());
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", email);
		form.add("password", "demo-password");
		form.add("_csrf", csrfToken(rest));
		var signIn = rest.post()
			.uri("/login")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.toBodilessEntity();
		String location = signIn.getHeaders().getFirst(HttpHeaders.LOCATION);
		if (signIn.getStatusCode().value() != 302 || location == null || location.contains("error")) {
			throw new IllegalStateException("Cannot sign in as " + email + " on the login page: " + signIn);
		}
		String token = csrfToken(rest);
		return new CmsClient(rest, json, (headers) -> headers.set("X-CSRF-TOKEN", token));
	}

	private static RestClient rest(int port, HttpClient http) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.requestFactory(new JdkClientHttpRequestFactory(http))
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	/** The CSRF token of the current session, from the login page's form. */
	private static String csrfToken(RestClient rest) {
		String page = rest.get().uri("/login").retrieve().body(String.class);
		Matcher token = CSRF.matcher((page != null) ? page : "");
		if (!token.find()) {
			throw new IllegalStateException("The login page holds no CSRF token: " + page);
		}
		return token.group(1);
	}

	/**
	 * The same application, as the member with the given email, signed in through
	 * {@code /api/auth/token}.
	 */
	public CmsClient member(String email) {
		HttpResult token = post("/api/auth/token", Map.of("email", email, "password", "demo-password"));
		if (token.status() != 200) {
			throw new IllegalStateException("Cannot sign in as " + email + ": " + token);
		}
		String bearer = "Bearer " + token.text("token");
		return new CmsClient(this.rest, this.json, (headers) -> headers.set(HttpHeaders.AUTHORIZATION, bearer));
	}

	/** The same application, as the given API key secret. */
	public CmsClient apiKey(String secret) {
		return new CmsClient(this.rest, this.json, (headers) -> headers.set("X-API-KEY", secret));
	}

	public HttpResult get(String path) {
		return exchange(HttpMethod.GET, path, null);
	}

	public HttpResult post(String path, Object body) {
		return exchange(HttpMethod.POST, path, body);
	}

	public HttpResult put(String path, Object body) {
		return exchange(HttpMethod.PUT, path, body);
	}

	public HttpResult patch(String path, Object body) {
		return exchange(HttpMethod.PATCH, path, body);
	}

	public HttpResult delete(String path) {
		return exchange(HttpMethod.DELETE, path, null);
	}

	public HttpResult delete(String path, Object body) {
		return exchange(HttpMethod.DELETE, path, body);
	}

	/** Posts CSV text. */
	public HttpResult postCsv(String path, String csv) {
		return result(this.rest.post()
			.uri(path)
			.headers(this.credentials)
			.contentType(MediaType.parseMediaType("text/csv"))
			.body(csv)
			.retrieve()
			.toEntity(String.class));
	}

	/** Uploads a file as {@code multipart/form-data} with an optional ALT text. */
	public HttpResult upload(String path, String filename, byte[] content, String alt) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return filename;
			}
		});
		if (alt != null) {
			parts.add("alt", alt);
		}
		return result(this.rest.post()
			.uri(path)
			.headers(this.credentials)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.retrieve()
			.toEntity(String.class));
	}

	/** The same client, sending the given header with every request too. */
	public CmsClient withHeader(String name, String value) {
		return new CmsClient(this.rest, this.json, this.credentials.andThen((headers) -> headers.set(name, value)));
	}

	private HttpResult exchange(HttpMethod method, String path, Object body) {
		RestClient.RequestBodySpec request = this.rest.method(method).uri(path).headers(this.credentials);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON)
				.body((body instanceof String text) ? text : this.json.writeValueAsString(body));
		}
		return result(request.retrieve().toEntity(String.class));
	}

	private HttpResult result(ResponseEntity<String> response) {
		String body = response.getBody();
		JsonNode node = null;
		if (body != null && !body.isBlank() && (body.startsWith("{") || body.startsWith("["))) {
			node = this.json.readTree(body);
		}
		return new HttpResult(response.getStatusCode().value(), body, node);
	}

}
