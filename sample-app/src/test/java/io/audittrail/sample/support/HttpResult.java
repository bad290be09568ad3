package io.audittrail.sample.support;

import tools.jackson.databind.JsonNode;

/**
 * What the application answered.
 *
 * @param status the HTTP status
 * @param body the body as text
 * @param json the body as JSON, or {@code null} when it is not JSON
 */
public record HttpResult(int status, String body, JsonNode json) {

	/** A field of the JSON body as text. */
	public String text(String field) {
		return this.json.get(field).asString();
	}

	/** A numeric field of the JSON body. */
	public long number(String field) {
		return this.json.get(field).asLong();
	}

}
