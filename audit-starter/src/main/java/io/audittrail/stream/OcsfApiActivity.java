package io.audittrail.stream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.audittrail.core.Action;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.Outcome;
import io.audittrail.core.RequestInfo;
import io.audittrail.store.SealedEvent;

/**
 * An event as an OCSF API Activity event (category 6 Application Activity, class 6003).
 * Names and enumerations follow the OCSF schema's
 * {@code events/application/api_activity.json} (activity ids 1 Create, 3 Update, 4
 * Delete, 99 Other; required {@code actor}, {@code api}, {@code src_endpoint}),
 * {@code objects/api.json}, {@code objects/http_request.json},
 * {@code objects/metadata.json}, {@code objects/trace.json} and {@code objects/span.json}
 * of <a href="https://github.com/ocsf/ocsf-schema">github.com/ocsf/ocsf-schema</a>. What
 * OCSF has no attribute for (tenant, details, the chain) goes under {@code unmapped}.
 */
final class OcsfApiActivity {

	static final String SCHEMA_VERSION = "1.5.0";

	static final int CLASS_UID = 6003;

	private OcsfApiActivity() {
	}

	static Map<String, Object> of(SealedEvent sealed, String service) {
		AuditEvent event = sealed.event();
		int activityId = activityId(event.action());
		String activityName = activityName(event.action());
		Map<String, Object> ocsf = new LinkedHashMap<>();
		ocsf.put("category_uid", 6);
		ocsf.put("category_name", "Application Activity");
		ocsf.put("class_uid", CLASS_UID);
		ocsf.put("class_name", "API Activity");
		ocsf.put("activity_id", activityId);
		ocsf.put("activity_name", activityName);
		ocsf.put("type_uid", CLASS_UID * 100L + activityId);
		ocsf.put("type_name", "API Activity: " + activityName);
		ocsf.put("severity_id", 1);
		ocsf.put("severity", "Informational");
		ocsf.put("time", event.occurredAt().toEpochMilli());
		boolean success = event.outcome() == Outcome.SUCCESS;
		ocsf.put("status_id", success ? 1 : 2);
		ocsf.put("status", success ? "Success" : "Failure");
		if (event.error() != null) {
			ocsf.put("status_detail", event.error());
		}
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("uid", event.actor().id());
		user.put("name", event.actor().name());
		ocsf.put("actor", Map.of("user", user));
		Map<String, Object> api = new LinkedHashMap<>();
		api.put("operation", event.operation());
		api.put("service", Map.of("name", service));
		if (event.requestId() != null) {
			api.put("request", Map.of("uid", event.requestId()));
		}
		ocsf.put("api", api);
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("ip", event.ip());
		ocsf.put("src_endpoint", source);
		RequestInfo request = event.request();
		if (request != null) {
			Map<String, Object> httpRequest = new LinkedHashMap<>();
			httpRequest.put("http_method", request.method());
			httpRequest.put("url", Map.of("path", request.path()));
			ocsf.put("http_request", httpRequest);
			if (request.status() != null) {
				ocsf.put("http_response", Map.of("code", request.status()));
			}
		}
		if (event.entity() != null) {
			Map<String, Object> resource = new LinkedHashMap<>();
			resource.put("uid", event.entity().id());
			resource.put("type", event.entity().type());
			resource.put("name", event.entity().name());
			ocsf.put("resources", List.of(resource));
		}
		if (sealed.trace() != null) {
			// the span's start and end times are not recorded
			ocsf.put("trace", Map.of("uid", sealed.trace().traceId(), "span", Map.of("uid", sealed.trace().spanId())));
		}
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("version", SCHEMA_VERSION);
		metadata.put("product", Map.of("name", "Audit Trail for Spring", "vendor_name", "Audit Trail"));
		metadata.put("uid", String.valueOf(event.id()));
		metadata.put("sequence", sealed.position());
		ocsf.put("metadata", metadata);
		Map<String, Object> unmapped = new LinkedHashMap<>();
		unmapped.put("tenant", event.tenant());
		unmapped.put("target", event.target());
		unmapped.put("actor_type", event.actor().type().name());
		unmapped.put("details", event.details());
		unmapped.put("revision", event.revision());
		Map<String, Object> chain = new LinkedHashMap<>();
		chain.put("key", sealed.chainKey());
		chain.put("position", sealed.position());
		chain.put("prev_hash", sealed.prevHash());
		chain.put("hash", sealed.hash());
		unmapped.put("chain", chain);
		ocsf.put("unmapped", unmapped);
		return ocsf;
	}

	private static int activityId(Action action) {
		return switch (action) {
			case CREATE -> 1;
			case UPDATE -> 3;
			case DELETE -> 4;
			case OTHER -> 99;
		};
	}

	private static String activityName(Action action) {
		return switch (action) {
			case CREATE -> "Create";
			case UPDATE -> "Update";
			case DELETE -> "Delete";
			case OTHER -> "Other";
		};
	}

}
