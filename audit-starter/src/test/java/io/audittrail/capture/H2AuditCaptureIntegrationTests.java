package io.audittrail.capture;

import org.springframework.boot.test.context.SpringBootTest;

import io.audittrail.testapp.TestApplication;

@SpringBootTest(classes = TestApplication.class)
class H2AuditCaptureIntegrationTests extends AuditCaptureIntegrationTests {

}
