package io.audittrail.capture;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import io.audittrail.testapp.TestApplication;

@SpringBootTest(classes = TestApplication.class,
		properties = { "audit.failure-policy=log", "spring.datasource.url=jdbc:h2:mem:fail-open;DB_CLOSE_DELAY=-1" })
@Import(FailOpenPolicyIntegrationTests.Meters.class)
class H2FailOpenPolicyIntegrationTests extends FailOpenPolicyIntegrationTests {

}
