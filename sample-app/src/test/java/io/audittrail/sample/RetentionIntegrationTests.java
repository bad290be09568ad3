package io.audittrail.sample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.audittrail.sample.support.CmsClient;
import io.audittrail.sample.support.HttpResult;
import io.audittrail.spi.TenantRetentionPolicy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's audit_log_retention_days setting overrides the system default of 365 days;
 * it is read back at the same path, values below 1 are clamped to 1, and null returns to
 * the system default.
 */
class RetentionIntegrationTests extends SampleIntegrationTest {

	private static final String SETTINGS = "/api/v1/services/other/settings";

	@Autowired
	TenantRetentionPolicy retention;

	@Test
	void serviceSettingOverridesTheSystemDefaultUntilResetWithNull() {
		CmsClient owner = member("owner@other.test");
		assertThat(this.retention.retentionDays("no-such-service")).isNull();

		HttpResult set = owner.put(SETTINGS, Map.of("audit_log_retention_days", 30));
		assertThat(set.status()).isEqualTo(200);
		assertThat(set.json().get("audit_log_retention_days").asInt()).isEqualTo(30);
		assertThat(owner.get(SETTINGS).json().get("audit_log_retention_days").asInt()).isEqualTo(30);
		assertThat(this.retention.retentionDays("other")).isEqualTo(30);

		Map<String, Object> reset = new HashMap<>();
		reset.put("audit_log_retention_days", null);
		HttpResult cleared = owner.put(SETTINGS, reset);
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.json().get("audit_log_retention_days").isNull()).isTrue();
		assertThat(owner.get(SETTINGS).json().get("audit_log_retention_days").isNull()).isTrue();
		assertThat(this.retention.retentionDays("other")).isNull();
	}

	@Test
	void valuesBelowOneAreClampedToOneAndAnswered() {
		CmsClient owner = member("owner@other.test");
		for (int days : List.of(0, -5)) {
			HttpResult set = owner.put(SETTINGS, Map.of("audit_log_retention_days", days));
			assertThat(set.status()).as(set.body()).isEqualTo(200);
			assertThat(set.json().get("audit_log_retention_days").asInt()).isEqualTo(1);
			assertThat(owner.get(SETTINGS).json().get("audit_log_retention_days").asInt()).isEqualTo(1);
		}
		assertThat(this.retention.retentionDays("other")).isEqualTo(1);
		owner.put(SETTINGS, Map.of("audit_log_retention_days", 365));
	}

	@Test
	void nonNumbersAreRefusedNamingTheFieldAndChangeNothing() {
		CmsClient owner = member("owner@other.test");
		owner.put(SETTINGS, Map.of("audit_log_retention_days", 90));

		for (String body : List.of("{\"audit_log_retention_days\":\"thirty\"}", "{\"audit_log_retention_days\":1.5}",
				"{\"audit_log_retention_days\":true}", "{\"audit_log_retention_days\":{}}",
				"{\"audit_log_retention_days\":99999999999}", "{}")) {
			HttpResult refused = owner.put(SETTINGS, body);
			assertThat(refused.status()).as(body).isEqualTo(400);
			assertThat(refused.body()).as(body).contains("audit_log_retention_days").doesNotContain("Exception");
		}
		assertThat(owner.put(SETTINGS, "[]").status()).isEqualTo(400);
		assertThat(owner.put(SETTINGS, "not json").status()).isEqualTo(400);
		assertThat(owner.get(SETTINGS).json().get("audit_log_retention_days").asInt()).isEqualTo(90);
	}

	@Test
	void settingsNeedTheServiceManagerRole() {
		assertThat(member("owner@demo.test").get(SETTINGS).status()).isEqualTo(403);
		assertThat(
				member("editor@demo.test").put("/api/v1/services/demo/settings", Map.of("audit_log_retention_days", 1))
					.status())
			.isEqualTo(403);
	}

}
