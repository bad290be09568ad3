package io.audittrail.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.core.Action;
import io.audittrail.core.Actor;
import io.audittrail.core.ActorType;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.EntityRef;
import io.audittrail.core.Outcome;
import io.audittrail.core.RequestInfo;
import io.audittrail.core.StreamFormat;
import io.audittrail.core.TraceContext;
import io.audittrail.store.SealedEvent;
import io.audittrail.web.EventJson;

import static org.assertj.core.api.Assertions.assertThat;

class EventRecordsTests {

	private static final String HASH = "a".repeat(64);

	private static final String PREV_HASH = "b".repeat(64);

	private static final TraceContext TRACE = new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");

	private final EventJson eventJson = new EventJson(OperationCatalog.load(new PathMatchingResourcePatternResolver(),
			List.of(OperationCatalog.DEFAULT_LOCATION)));

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void keysByTenantAndCarriesTheChainAndTraceInHeaders() {
		ProducerRecord<String, String> record = records(StreamFormat.EVENT).record(sealed("acme", TRACE, 7));
		assertThat(record.topic()).isEqualTo("audit-events");
		assertThat(record.key()).isEqualTo("acme");
		assertThat(headers(record)).containsExactly(Map.entry("audit-event-id", "42"),
				Map.entry("audit-chain", "=acme"), Map.entry("audit-position", "7"),
				Map.entry("audit-prev-hash", PREV_HASH), Map.entry("audit-hash", HASH),
				Map.entry("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"),
				Map.entry("content-type", "application/json"));
	}

	@Test
	void keysSystemLevelEventsWithAStarAndTheFirstOfAChainHasNoPreviousHash() {
		ProducerRecord<String, String> record = records(StreamFormat.EVENT).record(sealed(null, null, 1));
		assertThat(record.key()).isEqualTo("*");
		assertThat(headers(record)).containsEntry("audit-chain", "*")
			.doesNotContainKeys("audit-prev-hash", "traceparent");
	}

	@Test
	void writesTheEventJsonOfTheApi() {
		JsonNode value = value(StreamFormat.EVENT);
		assertThat(fieldNames(value)).containsExactly("id", "occurredAt", "tenant", "operation", "operationLabel",
				"target", "action", "outcome", "actor", "ip", "entity", "details", "request", "revision", "trace",
				"error", "requestId");
		assertThat(value.get("id").asLong()).isEqualTo(42);
		assertThat(value.get("occurredAt").asString()).isEqualTo("2026-03-01T09:30:00.123456Z");
		assertThat(value.get("operationLabel").asString()).isEqualTo("Content: Create");
		assertThat(value.get("actor").get("name").asString()).isEqualTo("Alice");
		assertThat(value.get("details").get("note").asString()).isEqualTo("first");
		assertThat(value.get("request").get("status").asInt()).isEqualTo(201);
		assertThat(value.get("request").get("query").asString()).isEqualTo("draft=true");
		assertThat(value.get("requestId").asString()).isEqualTo("req-1");
	}

	@Test
	void writesAStructuredCloudEvent() {
		ProducerRecord<String, String> record = records(StreamFormat.CLOUDEVENTS).record(sealed("acme", TRACE, 7));
		assertThat(headers(record)).containsEntry("content-type", "application/cloudevents+json");
		JsonNode value = this.json.readTree(record.value());
		assertThat(value.get("specversion").asString()).isEqualTo("1.0");
		assertThat(value.get("id").asString()).isEqualTo("42");
		assertThat(value.get("source").asString()).isEqualTo("cms");
		assertThat(value.get("type").asString()).isEqualTo("io.audittrail.content.create");
		assertThat(value.get("time").asString()).isEqualTo("2026-03-01T09:30:00.123456Z");
		assertThat(value.get("datacontenttype").asString()).isEqualTo("application/json");
		assertThat(value.get("traceparent").asString())
			.isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
		assertThat(value.get("data")).isEqualTo(value(StreamFormat.EVENT));
	}

	@Test
	void writesAnOcsfApiActivity() {
		JsonNode value = value(StreamFormat.OCSF);
		assertThat(value.get("class_uid").asInt()).isEqualTo(6003);
		assertThat(value.get("category_uid").asInt()).isEqualTo(6);
		assertThat(value.get("activity_id").asInt()).isEqualTo(1);
		assertThat(value.get("activity_name").asString()).isEqualTo("Create");
		assertThat(value.get("type_uid").asLong()).isEqualTo(600301);
		assertThat(value.get("time").asLong()).isEqualTo(Instant.parse("2026-03-01T09:30:00.123Z").toEpochMilli());
		assertThat(value.get("status_id").asInt()).isEqualTo(1);
		assertThat(value.get("actor").get("user").get("uid").asString()).isEqualTo("alice");
		assertThat(value.get("api").get("operation").asString()).isEqualTo("content.create");
		assertThat(value.get("api").get("service").get("name").asString()).isEqualTo("cms");
		assertThat(value.get("api").get("request").get("uid").asString()).isEqualTo("req-1");
		assertThat(value.get("src_endpoint").get("ip").asString()).isEqualTo("203.0.113.7");
		assertThat(value.get("http_request").get("http_method").asString()).isEqualTo("POST");
		assertThat(value.get("http_request").get("url").get("path").asString()).isEqualTo("/articles");
		assertThat(value.get("http_response").get("code").asInt()).isEqualTo(201);
		assertThat(value.get("resources").get(0).get("uid").asString()).isEqualTo("17");
		assertThat(value.get("trace").get("uid").asString()).isEqualTo(TRACE.traceId());
		assertThat(value.get("trace").get("span").get("uid").asString()).isEqualTo(TRACE.spanId());
		assertThat(value.get("metadata").get("uid").asString()).isEqualTo("42");
		assertThat(value.get("metadata").get("product").get("name").asString()).isEqualTo("Audit Trail for Spring");
		assertThat(value.get("unmapped").get("tenant").asString()).isEqualTo("acme");
		assertThat(value.get("unmapped").get("chain").get("position").asLong()).isEqualTo(7);
	}

	@Test
	void mapsEveryActionToAnOcsfActivity() {
		assertThat(List.of(Action.CREATE, Action.UPDATE, Action.DELETE, Action.OTHER)
			.stream()
			.map((action) -> OcsfApiActivity.of(sealed("acme", null, 1, action, Outcome.FAILURE), "cms"))
			.map((ocsf) -> List.of(ocsf.get("activity_id"), ocsf.get("type_uid"), ocsf.get("status_id"))))
			.containsExactly(List.of(1, 600301L, 2), List.of(3, 600303L, 2), List.of(4, 600304L, 2),
					List.of(99, 600399L, 2));
	}

	private EventRecords records(StreamFormat format) {
		return new EventRecords("audit-events", format, this.eventJson, this.json, "cms");
	}

	private JsonNode value(StreamFormat format) {
		return this.json.readTree(records(format).record(sealed("acme", TRACE, 7)).value());
	}

	private static SealedEvent sealed(String tenant, TraceContext trace, long position) {
		return new SealedEvent((tenant != null) ? "=" + tenant : "*", event(tenant, Action.CREATE, Outcome.SUCCESS),
				position, (position > 1) ? PREV_HASH : null, HASH, trace);
	}

	private static SealedEvent sealed(String tenant, TraceContext trace, long position, Action action,
			Outcome outcome) {
		return new SealedEvent("=" + tenant, event(tenant, action, outcome), position, PREV_HASH, HASH, trace);
	}

	private static AuditEvent event(String tenant, Action action, Outcome outcome) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("content_id", "17");
		details.put("note", "first");
		return new AuditEvent(42L, Instant.parse("2026-03-01T09:30:00.123456Z"), tenant, "content.create", "content",
				action, outcome, new Actor(ActorType.MEMBER, "alice", "Alice"), "203.0.113.7",
				new EntityRef("Article", "17", "Hello"), details, null, "req-1", 5L, new RequestInfo("POST",
						"/articles", 201, "ArticleController", "SESSION", Map.of("query", "draft=true")));
	}

	private static Map<String, String> headers(ProducerRecord<String, String> record) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (Header header : record.headers()) {
			headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
		}
		return headers;
	}

	private static List<String> fieldNames(JsonNode node) {
		return node.propertyNames().stream().toList();
	}

}
