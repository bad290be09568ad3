package io.audittrail.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import tools.jackson.databind.json.JsonMapper;

import io.audittrail.core.AuditEvent;
import io.audittrail.core.StreamFormat;
import io.audittrail.store.SealedEvent;
import io.audittrail.web.EventJson;

/**
 * Turns sealed events into Kafka records: keyed by tenant, so that a tenant's events
 * share a partition and keep their order, with the chain's position and hashes in headers
 * and the value in the configured format. Thread-safe.
 */
final class EventRecords {

	/** The key of system-level events, those of no tenant. */
	static final String SYSTEM_KEY = "*";

	static final String EVENT_ID = "audit-event-id";

	static final String CHAIN = "audit-chain";

	static final String POSITION = "audit-position";

	static final String PREV_HASH = "audit-prev-hash";

	static final String HASH = "audit-hash";

	static final String CONTENT_TYPE = "content-type";

	private final String topic;

	private final StreamFormat format;

	private final EventJson eventJson;

	private final JsonMapper json;

	private final String source;

	/**
	 * @param topic the topic records go to
	 * @param format how values are written
	 * @param eventJson renders the API's event JSON
	 * @param json writes values
	 * @param source the application's name, the source of CloudEvents and the service of
	 * OCSF events
	 */
	EventRecords(String topic, StreamFormat format, EventJson eventJson, JsonMapper json, String source) {
		this.topic = topic;
		this.format = format;
		this.eventJson = eventJson;
		this.json = json;
		this.source = source;
	}

	ProducerRecord<String, String> record(SealedEvent sealed) {
		AuditEvent event = sealed.event();
		String key = (event.tenant() != null) ? event.tenant() : SYSTEM_KEY;
		List<Header> headers = new ArrayList<>();
		header(headers, EVENT_ID, String.valueOf(event.id()));
		header(headers, CHAIN, sealed.chainKey());
		header(headers, POSITION, Long.toString(sealed.position()));
		if (sealed.prevHash() != null) {
			header(headers, PREV_HASH, sealed.prevHash());
		}
		header(headers, HASH, sealed.hash());
		if (sealed.trace() != null) {
			header(headers, "traceparent", sealed.trace().traceparent());
		}
		header(headers, CONTENT_TYPE,
				(this.format == StreamFormat.CLOUDEVENTS) ? "application/cloudevents+json" : "application/json");
		return new ProducerRecord<>(this.topic, null, key, this.json.writeValueAsString(value(sealed)), headers);
	}

	Object value(SealedEvent sealed) {
		return switch (this.format) {
			case EVENT -> eventJson(sealed.event());
			case CLOUDEVENTS -> cloudEvent(sealed);
			case OCSF -> OcsfApiActivity.of(sealed, this.source);
		};
	}

	private Map<String, Object> eventJson(AuditEvent event) {
		return this.eventJson.stored(event, Locale.ROOT);
	}

	/**
	 * A CloudEvents 1.0 event in structured mode (JSON event format); the
	 * {@code traceparent} attribute is the distributed tracing extension's.
	 */
	private Map<String, Object> cloudEvent(SealedEvent sealed) {
		AuditEvent event = sealed.event();
		Map<String, Object> cloudEvent = new LinkedHashMap<>();
		cloudEvent.put("specversion", "1.0");
		cloudEvent.put("id", String.valueOf(event.id()));
		cloudEvent.put("source", this.source);
		cloudEvent.put("type", "io.audittrail." + event.operation());
		cloudEvent.put("time", event.occurredAt().toString());
		cloudEvent.put("datacontenttype", "application/json");
		if (sealed.trace() != null) {
			cloudEvent.put("traceparent", sealed.trace().traceparent());
		}
		cloudEvent.put("data", eventJson(event));
		return cloudEvent;
	}

	private static void header(List<Header> headers, String name, String value) {
		headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
	}

}
