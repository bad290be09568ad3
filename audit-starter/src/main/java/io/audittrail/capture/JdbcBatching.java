package io.audittrail.capture;

import java.util.Map;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

/**
 * Has Hibernate write in JDBC batches, ordered by table, unless the application
 * configures batching itself: Envers then writes the audit rows of a transaction in one
 * batch per table instead of one statement per row.
 */
final class JdbcBatching implements HibernatePropertiesCustomizer {

	static final String BATCH_SIZE = "hibernate.jdbc.batch_size";

	static final String ORDER_INSERTS = "hibernate.order_inserts";

	static final String ORDER_UPDATES = "hibernate.order_updates";

	private final int batchSize;

	/**
	 * @param batchSize the batch size; 0 or less leaves Hibernate's settings as they are
	 */
	JdbcBatching(int batchSize) {
		this.batchSize = batchSize;
	}

	@Override
	public void customize(Map<String, Object> properties) {
		if (this.batchSize <= 0 || properties.containsKey(BATCH_SIZE)) {
			return;
		}
		properties.put(BATCH_SIZE, String.valueOf(this.batchSize));
		properties.putIfAbsent(ORDER_INSERTS, "true");
		properties.putIfAbsent(ORDER_UPDATES, "true");
	}

}
