package io.audittrail.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import io.audittrail.testapp.TestApplication;

@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:audit-web;DB_CLOSE_DELAY=-1;LAZY_QUERY_EXECUTION=1",
				"audit.security.system-authority=auditSystem", "spring.mvc.async.request-timeout=2s" })
@AutoConfigureMockMvc
class H2AuditApiIntegrationTests extends AuditApiIntegrationTests {

}
