package io.audittrail.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import io.audittrail.testapp.TestApplication;
import io.audittrail.testapp.TestSecurity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages as the starter ships them, in an application that sets none of the words the
 * pages use (the test application's messages name only its operations): they speak of
 * users, API clients, tenants and entities, never of a CMS's members, services or
 * workspaces, and the list shows the entity of each entry by default; an entry's page
 * shows its trace id when it was recorded with one. In headless Chromium, one browser for
 * the class.
 */
// The same configuration as H2AuditApiIntegrationTests, so that both share one
// application context.
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:audit-web;DB_CLOSE_DELAY=-1;LAZY_QUERY_EXECUTION=1",
				"audit.security.system-authority=auditSystem" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GenericPagesBrowserIntegrationTests {

	private static final List<String> CMS_WORDS = List.of("Member", "member", "Operation API Key", "Workspace",
			"workspace", "Service", "メンバー", "ワークスペース", "サービス", "操作APIキー");

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	private ChromeDriver driver;

	private final String marker = "generic-" + UUID.randomUUID().toString().substring(0, 8);

	private final String traceId = UUID.randomUUID().toString().replace("-", "");

	private long tracedEvent;

	private long untracedEvent;

	@BeforeAll
	void openTheBrowser() {
		this.jdbc
			.update("insert into audit_event (occurred_at, tenant, operation, target, action, outcome, actor_type, "
					+ "actor_id, actor_name, ip, entity_type, entity_id, entity_name, details) values (?, ?, 'content.update', "
					+ "'content', 'UPDATE', 'SUCCESS', 'MEMBER', 'u-1', 'editor@demo.test', '198.51.100.1', 'Article', '41', "
					+ "'Spring notes', '{\"content_id\":\"41\"}')", Timestamp.from(Instant.now()), this.marker);
		this.jdbc
			.update("insert into audit_event (occurred_at, tenant, operation, target, action, outcome, actor_type, "
					+ "actor_id, actor_name, ip) values (?, ?, 'content.create', 'content', 'CREATE', 'SUCCESS', 'API_KEY', "
					+ "'k-1', 'Import key', '198.51.100.2')", Timestamp.from(Instant.now()), this.marker);
		this.tracedEvent = insertTraced(this.traceId, "00f067aa0ba902b7");
		this.untracedEvent = insertTraced(null, null);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(Path.of("/usr/bin/chromium").toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--window-size=1440,1000", "--lang=en-US");
		this.driver = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
					.build(),
				options);
		String basic = Base64.getEncoder()
			.encodeToString(("auditor@demo.test:" + TestSecurity.PASSWORD).getBytes(StandardCharsets.UTF_8));
		this.driver.executeCdpCommand("Network.enable", Map.of());
		this.driver.executeCdpCommand("Network.setExtraHTTPHeaders",
				Map.of("headers", Map.of("Authorization", "Basic " + basic)));
	}

	@AfterAll
	void closeTheBrowser() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@Test
	void pagesSpeakOfUsersApiClientsAndTenantsAndShowTheEntity() {
		this.driver.get("http://localhost:" + this.port + "/audit/#/?q=" + this.marker);
		List<WebElement> rows = await(() -> this.driver.findElements(By.cssSelector("#events tbody tr")).size() == 2);
		List<String> headers = this.driver.findElements(By.cssSelector("#events thead th"))
			.stream()
			.map((th) -> th.getDomProperty("textContent"))
			.toList();
		assertThat(headers).contains("User", "API Client", "Entity", "Result");
		WebElement update = rows.stream()
			.filter((row) -> row.getText().contains("editor@demo.test"))
			.findFirst()
			.orElseThrow();
		assertThat(update.findElement(By.cssSelector("td[data-column=entity]")).getText()).contains("Spring notes");
		assertNoCmsWords();

		this.driver.findElement(By.cssSelector("#events tbody tr td[data-column=occurredAt] a")).click();
		await(() -> !this.driver.findElements(By.cssSelector("#changes")).isEmpty());
		assertNoCmsWords();

		this.driver.get("http://localhost:" + this.port + "/audit/#/operations");
		await(() -> !this.driver.findElements(By.cssSelector("#catalog")).isEmpty());
		assertNoCmsWords();

		this.driver.executeScript("localStorage.setItem('audittrail.lang', 'ja'); location.reload()");
		this.driver.get("http://localhost:" + this.port + "/audit/#/?q=" + this.marker);
		await(() -> this.driver.findElements(By.cssSelector("#events thead th"))
			.stream()
			.anyMatch((th) -> "APIクライアント".equals(th.getDomProperty("textContent"))));
		assertNoCmsWords();
	}

	@Test
	void anEntryRecordedWithATraceShowsItsTraceIdAndOneWithoutShowsNone() {
		this.driver.get("http://localhost:" + this.port + "/audit/");
		this.driver.executeScript("localStorage.setItem('audittrail.lang', 'en')");

		Map<String, String> traced = facts(this.tracedEvent);
		Map<String, String> untraced = facts(this.untracedEvent);

		assertThat(traced).containsEntry("Trace id", this.traceId);
		assertThat(traced.values()).doesNotContain("00f067aa0ba902b7");
		assertThat(untraced).containsKey("Operation").doesNotContainKey("Trace id");
	}

	/** The summary's facts of an entry's page, by label. */
	private Map<String, String> facts(long event) {
		this.driver.get("http://localhost:" + this.port + "/audit/#/events/" + event);
		this.driver.navigate().refresh();
		new WebDriverWait(this.driver, Duration.ofSeconds(30))
			.until((driver) -> !driver.findElements(By.cssSelector("#summary-title")).isEmpty());
		List<WebElement> terms = this.driver.findElements(By.cssSelector("#summary-title + dl.facts > dt"));
		Map<String, String> facts = new LinkedHashMap<>();
		for (WebElement term : terms) {
			facts.put(term.getText(), term.findElement(By.xpath("following-sibling::dd[1]")).getText());
		}
		return facts;
	}

	private long insertTraced(String traceId, String spanId) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			PreparedStatement insert = connection.prepareStatement("insert into audit_event (occurred_at, "
					+ "tenant, operation, target, action, outcome, actor_type, actor_id, actor_name, trace_id, span_id) "
					+ "values (?, ?, 'content.update', 'content', 'UPDATE', 'SUCCESS', 'MEMBER', 'u-2', "
					+ "'tracer@demo.test', ?, ?)", new String[] { "id" });
			insert.setTimestamp(1, Timestamp.from(Instant.now()));
			insert.setString(2, "traces-" + this.traceId.substring(0, 8));
			insert.setString(3, traceId);
			insert.setString(4, spanId);
			return insert;
		}, key);
		return key.getKey().longValue();
	}

	private void assertNoCmsWords() {
		String text = this.driver.findElement(By.tagName("body")).getText();
		assertThat(CMS_WORDS).allSatisfy((word) -> assertThat(text).doesNotContain(word));
	}

	private List<WebElement> await(BooleanSupplier condition) {
		new WebDriverWait(this.driver, Duration.ofSeconds(30)).until((driver) -> condition.getAsBoolean());
		return this.driver.findElements(By.cssSelector("#events tbody tr"));
	}

}
