package io.audittrail.benchmarks.http;

import java.util.Map;

/** What the benchmarked application captures of its API requests. */
public enum Capture {

	/** No request capture ({@code audit.http.enabled=false}). */
	OFF(Map.of("audit.http.enabled", "false")),

	/** Requests recorded without their bodies: the defaults of {@code audit.http.*}. */
	WITHOUT_BODY(Map.of("audit.http.enabled", "true")),

	/** Requests recorded with their JSON bodies, parsed and masked. */
	WITH_BODY(Map.of("audit.http.enabled", "true", "audit.http.include-body", "true"));

	private final Map<String, String> properties;

	Capture(Map<String, String> properties) {
		this.properties = properties;
	}

	Map<String, String> properties() {
		return this.properties;
	}

}
