package io.audittrail.integrity;

import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recomputes the chain hash of an event from its streamed event JSON alone, with the starter's own
 * {@link EventDigest}: the JSON's fields are laid out as the stored row the digest reads, the
 * detail maps written as the store writes them.
 */
public final class StreamedEventHashes {

	private static final Set<String> REQUEST_FIELDS = Set.of("method", "path", "status", "resource", "authType");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private StreamedEventHashes() {
	}

	/** The hash of the event at the given position of its chain after the given predecessor hash. */
	public static String hash(JsonNode event, long position, String prevHash) {
		Object[] row = new Object[25];
		row[1] = event.get("id").asLong();
		row[2] = OffsetDateTime.ofInstant(Instant.parse(event.get("occurredAt").asString()), ZoneOffset.UTC);
		row[3] = text(event, "tenant");
		row[4] = text(event, "operation");
		row[5] = text(event, "target");
		row[6] = text(event, "action");
		row[7] = text(event, "outcome");
		row[8] = text(event.get("actor"), "type");
		row[9] = text(event.get("actor"), "id");
		row[10] = text(event.get("actor"), "name");
		row[11] = text(event, "ip");
		JsonNode entity = event.get("entity");
		row[12] = text(entity, "type");
		row[13] = text(entity, "id");
		row[14] = text(entity, "name");
		Map<String, String> details = JSON.convertValue(event.get("details"), new TypeReference<LinkedHashMap<String, String>>() {
		});
		row[15] = details.isEmpty() ? null : JSON.writeValueAsString(details);
		row[16] = text(event, "error");
		row[17] = text(event, "requestId");
		row[18] = event.get("revision").isNull() ? null : event.get("revision").asLong();
		JsonNode request = event.get("request");
		if (request != null && !request.isNull()) {
			row[19] = text(request, "method");
			row[20] = text(request, "path");
			row[21] = request.get("status").isNull() ? null : request.get("status").asLong();
			row[22] = text(request, "resource");
			row[23] = text(request, "authType");
			Map<String, Object> detail = new LinkedHashMap<>();
			request.properties().forEach((field) -> {
				if (!REQUEST_FIELDS.contains(field.getKey())) {
					detail.put(field.getKey(), JSON.convertValue(field.getValue(), Object.class));
				}
			});
			row[24] = detail.isEmpty() ? null : JSON.writeValueAsString(detail);
		}
		try {
			return new EventDigest().hash(resultSet(row), position, prevHash);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(JsonNode node, String field) {
		if (node == null || node.isNull() || node.get(field) == null || node.get(field).isNull()) {
			return null;
		}
		return node.get(field).asString();
	}

	/** A one-row result set over the values, read by column index as the digest reads them. */
	private static ResultSet resultSet(Object[] row) {
		boolean[] wasNull = { false };
		return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] { ResultSet.class },
				(proxy, method, arguments) -> {
					switch (method.getName()) {
						case "getLong" -> {
							Object value = row[(int) arguments[0]];
							wasNull[0] = value == null;
							return (value != null) ? ((Number) value).longValue() : 0L;
						}
						case "getString" -> {
							Object value = row[(int) arguments[0]];
							wasNull[0] = value == null;
							return (value != null) ? value.toString() : null;
						}
						case "getObject" -> {
							return row[(int) arguments[0]];
						}
						case "wasNull" -> {
							return wasNull[0];
						}
						default -> throw new UnsupportedOperationException(method.getName());
					}
				});
	}

}
