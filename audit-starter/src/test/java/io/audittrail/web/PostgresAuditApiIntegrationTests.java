package io.audittrail.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.audittrail.testapp.TestApplication;
import io.audittrail.testsupport.TestPostgres;

@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "audit.security.system-authority=auditSystem", "spring.mvc.async.request-timeout=2s" })
@AutoConfigureMockMvc
class PostgresAuditApiIntegrationTests extends AuditApiIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry, "web");
	}

}
