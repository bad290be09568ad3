package io.audittrail.capture;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcBatchingTests {

	@Test
	void batchesAndOrdersWritesWhenTheApplicationSetsNoBatchSize() {
		Map<String, Object> properties = new HashMap<>();
		new JdbcBatching(50).customize(properties);
		assertThat(properties).containsEntry("hibernate.jdbc.batch_size", "50")
			.containsEntry("hibernate.order_inserts", "true")
			.containsEntry("hibernate.order_updates", "true");
	}

	@Test
	void keepsTheApplicationsOwnBatching() {
		Map<String, Object> properties = new HashMap<>(Map.of("hibernate.jdbc.batch_size", "5"));
		new JdbcBatching(50).customize(properties);
		assertThat(properties).containsOnly(Map.entry("hibernate.jdbc.batch_size", "5"));
	}

	@Test
	void keepsTheApplicationsOrderingChoices() {
		Map<String, Object> properties = new HashMap<>(Map.of("hibernate.order_updates", "false"));
		new JdbcBatching(20).customize(properties);
		assertThat(properties).containsEntry("hibernate.jdbc.batch_size", "20")
			.containsEntry("hibernate.order_updates", "false");
	}

	@Test
	void leavesHibernatesDefaultsWhenTurnedOff() {
		Map<String, Object> properties = new HashMap<>();
		new JdbcBatching(0).customize(properties);
		assertThat(properties).isEmpty();
	}

}
