package io.audittrail.integrity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.audittrail.store.EventRow;

/**
 * Recomputes the chain hash of an event from its streamed event JSON alone, with the
 * starter's own {@link EventDigest} ({@code audit-event-v2}): the JSON's fields are laid
 * out as the stored row the digest reads, the detail maps written as the store writes
 * them.
 */
public final class StreamedEventHashes {

	private static final Set<String> REQUEST_FIELDS = Set.of("method", "path", "status", "resource", "authType");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private StreamedEventHashes() {
	}

	/**
	 * The hash of the event at the given position of its chain after the given
	 * predecessor hash.
	 */
	public static String hash(JsonNode event, long position, String prevHash) {
		Map<String, String> details = JSON.convertValue(event.get("details"),
				new TypeReference<LinkedHashMap<String, String>>() {
				});
		JsonNode entity = event.get("entity");
		JsonNode request = event.get("request");
		boolean hasRequest = request != null && !request.isNull();
		String detail = null;
		if (hasRequest) {
			Map<String, Object> captured = new LinkedHashMap<>();
			request.properties().forEach((field) -> {
				if (!REQUEST_FIELDS.contains(field.getKey())) {
					captured.put(field.getKey(), JSON.convertValue(field.getValue(), Object.class));
				}
			});
			detail = captured.isEmpty() ? null : JSON.writeValueAsString(captured);
		}
		JsonNode trace = event.get("trace");
		EventRow row = new EventRow(event.get("id").asLong(),
				OffsetDateTime.ofInstant(Instant.parse(event.get("occurredAt").asString()), ZoneOffset.UTC),
				text(event, "tenant"), text(event, "operation"), text(event, "target"), text(event, "action"),
				text(event, "outcome"), text(event.get("actor"), "type"), text(event.get("actor"), "id"),
				text(event.get("actor"), "name"), text(event, "ip"), text(entity, "type"), text(entity, "id"),
				text(entity, "name"), details.isEmpty() ? null : JSON.writeValueAsString(details), text(event, "error"),
				text(event, "requestId"), event.get("revision").isNull() ? null : event.get("revision").asLong(),
				hasRequest ? text(request, "method") : null, hasRequest ? text(request, "path") : null,
				(hasRequest && !request.get("status").isNull()) ? request.get("status").asInt() : null,
				hasRequest ? text(request, "resource") : null, hasRequest ? text(request, "authType") : null, detail,
				text(trace, "traceId"), text(trace, "spanId"));
		return new EventDigest().hash(row, EventDigest.V2, position, prevHash);
	}

	private static String text(JsonNode node, String field) {
		if (node == null || node.isNull() || node.get(field) == null || node.get(field).isNull()) {
			return null;
		}
		return node.get(field).asString();
	}

}
