package io.audittrail.capture;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.audittrail.testapp.TestApplication;
import io.audittrail.testsupport.TestPostgres;

@SpringBootTest(classes = TestApplication.class, properties = "audit.failure-policy=log")
@Import(FailOpenPolicyIntegrationTests.Meters.class)
class PostgresFailOpenPolicyIntegrationTests extends FailOpenPolicyIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry, "fail_open");
	}

}
