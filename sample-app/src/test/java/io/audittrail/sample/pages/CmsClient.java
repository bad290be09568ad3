package io.audittrail.sample.pages;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the sample CMS's HTTP API as a member, with a JWT from
 * {@code POST /api/auth/token}.
 */
final class CmsClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String baseUrl;

	private final String token;

	CmsClient(String baseUrl, String email, String password) {
		this.baseUrl = baseUrl;
		JsonNode issued = this.json
			.readTree(send("POST", "/api/auth/token", Map.of("email", email, "password", password), null, 200).body());
		this.token = issued.get("token").asString();
	}

	JsonNode post(String path, Object body) {
		return this.json.readTree(send("POST", path, body, this.token, 201).body());
	}

	JsonNode patch(String path, Object body) {
		return this.json.readTree(send("PATCH", path, body, this.token, 200).body());
	}

	/** The status code of a GET as this member. */
	int status(String path) {
		return send("GET", path, null, this.token, -1).statusCode();
	}

	private HttpResponse<String> send(String method, String path, Object body, String bearer, int expected) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Accept", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body))
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (expected > 0 && response.statusCode() != expected) {
				throw new IllegalStateException(
						method + " " + path + " answered " + response.statusCode() + ": " + response.body());
			}
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(method + " " + path + " was interrupted", ex);
		}
	}

}
