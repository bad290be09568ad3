package io.audittrail.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.audittrail.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// The same configuration as H2AuditApiIntegrationTests, so that both share one application context.
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:audit-web;DB_CLOSE_DELAY=-1;LAZY_QUERY_EXECUTION=1",
				"audit.security.system-authority=auditSystem" })
@AutoConfigureMockMvc
class AuditPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void servesTheShellWithItsBasePathAndCsrfTokenToReaders() throws Exception {
		this.mvc.perform(get("/audit/").with(user("admin@demo.test").authorities(() -> "viewAuditLog")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(content().string(containsString("<base href=\"/audit/\">")))
			.andExpect(content().string(containsString("<meta name=\"audit-csrf-header\" content=\"X-CSRF-TOKEN\">")))
			.andExpect(content().string(not(containsString("name=\"audit-csrf-token\" content=\"\""))))
			.andExpect(content().string(containsString("assets/app.js")));
	}

	@Test
	void redirectsTheBarePathToTheShell() throws Exception {
		this.mvc.perform(get("/audit").with(user("admin@demo.test").authorities(() -> "viewAuditLog")))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", "/audit/"));
	}

	@Test
	void refusesTheShellToReadersWithoutTheViewAuthority() throws Exception {
		this.mvc
			.perform(get("/audit/").accept(MediaType.TEXT_HTML)
				.with(user("viewer@demo.test").authorities(() -> "viewContent")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("<h1>You may not read the audit log</h1>")))
			.andExpect(content().string(containsString("viewer@demo.test")))
			.andExpect(content().string(not(containsString("assets/app.js"))));
		this.mvc
			.perform(get("/audit/").accept(MediaType.TEXT_HTML)
				.header("Accept-Language", "ja")
				.with(user("viewer@demo.test").authorities(() -> "viewContent")))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("監査ログを閲覧する権限がありません")));
	}

	@Test
	void refusesTheShellWithoutSignIn() throws Exception {
		this.mvc.perform(get("/audit/")).andExpect(status().isUnauthorized());
	}

	@Test
	void tellsThePagesWhatTheReaderMayDo() throws Exception {
		this.mvc
			.perform(get("/audit/api/me")
				.with(user("admin@demo.test").authorities(() -> "viewAuditLog", () -> "revertAuditLog")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("admin@demo.test"))
			.andExpect(jsonPath("$.canRevert").value(true));
		this.mvc.perform(get("/audit/api/me").with(user("auditor@demo.test").authorities(() -> "viewAuditLog")))
			.andExpect(jsonPath("$.canRevert").value(false));
		this.mvc.perform(get("/audit/api/me").with(user("viewer@demo.test").authorities(() -> "viewContent")))
			.andExpect(status().isForbidden());
	}

	@Test
	void servesTheScriptsAsModules() throws Exception {
		this.mvc.perform(get("/audit/assets/app.js").with(user("admin@demo.test").authorities(() -> "viewAuditLog")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/javascript"));
		// Browsers always decode module scripts as UTF-8.
		String japanese = this.mvc
			.perform(get("/audit/assets/i18n/ja.js").with(user("admin@demo.test").authorities(() -> "viewAuditLog")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(japanese).contains("表示項目の編集");
	}

}
