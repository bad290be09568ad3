package io.audittrail.capture;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.audittrail.testapp.TestApplication;
import io.audittrail.testsupport.TestPostgres;

@SpringBootTest(classes = TestApplication.class)
class PostgresAuditCaptureIntegrationTests extends AuditCaptureIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry, "capture");
	}

}
