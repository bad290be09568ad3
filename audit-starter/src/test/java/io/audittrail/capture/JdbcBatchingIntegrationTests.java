package io.audittrail.capture;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.audittrail.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = TestApplication.class)
class JdbcBatchingIntegrationTests {

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@Test
	void hibernateWritesInOrderedBatchesByDefault() {
		assertThat(this.entityManagerFactory.getProperties()).containsEntry("hibernate.jdbc.batch_size", "50")
			.containsEntry("hibernate.order_inserts", "true")
			.containsEntry("hibernate.order_updates", "true");
	}

}
