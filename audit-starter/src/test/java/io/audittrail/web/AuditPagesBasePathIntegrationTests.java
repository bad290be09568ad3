package io.audittrail.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import io.audittrail.testapp.TestApplication;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(classes = TestApplication.class, properties = "audit.web.base-path=/admin/audit-log")
@AutoConfigureMockMvc
class AuditPagesBasePathIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void servesThePagesUnderTheConfiguredBasePath() throws Exception {
		this.mvc.perform(get("/admin/audit-log/").with(user("admin@demo.test").authorities(() -> "viewAuditLog")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<base href=\"/admin/audit-log/\">")));
		this.mvc
			.perform(get("/admin/audit-log/assets/app.js")
				.with(user("admin@demo.test").authorities(() -> "viewAuditLog")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/audit/").with(user("admin@demo.test").authorities(() -> "viewAuditLog")))
			.andExpect(status().isNotFound());
	}

}
