package io.audittrail.sample.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The admin pages in a real (headless) Chromium: an admin signs in on the sample app's login page,
 * operations are performed through the CMS's HTTP API, and the admin reads, filters, inspects,
 * reverts and downloads them. One application and one browser for the whole class, so the steps run
 * in order and build on each other. Screenshots of each page go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPagesBrowserIntegrationTests {

	private static final String PASSWORD = "demo-password";

	private static final String XSS_TITLE = "<img src=x onerror=alert(1)>";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	private Browser browser;

	private String baseUrl;

	@BeforeAll
	void performOperationsAndOpenTheBrowser() {
		this.baseUrl = "http://localhost:" + this.port;
		CmsClient admin = new CmsClient(this.baseUrl, "admin@demo.test", PASSWORD);
		admin.post("/api/v1/services/demo/apis", Map.of("endpoint", "pagesblog", "name", "Blog", "type", "LIST", "fields",
				List.of(Map.of("fieldId", "title", "name", "Title", "kind", "text"))));
		admin.post("/api/v1/services/demo/contents/pagesblog", Map.of("contentId", "pages-first", "data", Map.of("title", "Hello")));
		admin.post("/api/v1/services/demo/contents/pagesblog", Map.of("contentId", "pages-xss", "data", Map.of("title", XSS_TITLE)));
		admin.patch("/api/v1/services/demo/contents/pagesblog/pages-first", Map.of("data", Map.of("title", "Hello, world")));
		this.browser = new Browser(this.baseUrl);
	}

	@AfterAll
	void closeTheBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	@Order(1)
	void adminSignsInAndSeesTheNewestEntriesFirst() {
		signIn("admin@demo.test");
		this.browser.open("/audit/");
		this.browser.await("#events tbody tr");
		assertThat(this.browser.find("h1").getText()).isEqualTo("Audit log");
		assertThat(this.browser.find("#reader").getText()).contains("admin@demo.test");
		List<Long> ids = this.browser.findAll("#events tbody tr")
			.stream()
			.map((row) -> Long.valueOf(row.getDomAttribute("data-id")))
			.toList();
		assertThat(ids).hasSizeGreaterThanOrEqualTo(4).isEqualTo(newestFirst(ids.size()));
		assertThat(firstRow().getText()).contains("Content").contains("Update");
		this.browser.screenshot("01-list");
	}

	@Test
	@Order(2)
	void loadsMoreEntriesWithTheCursor() {
		this.browser.open("/audit/#/?limit=3");
		this.browser.until((driver) -> this.browser.findAll("#events tbody tr").size() == 3);
		this.browser.click("#load-more");
		this.browser.until((driver) -> this.browser.findAll("#events tbody tr").size() == 6);
		List<Long> ids = this.browser.findAll("#events tbody tr")
			.stream()
			.map((row) -> Long.valueOf(row.getDomAttribute("data-id")))
			.toList();
		assertThat(ids).doesNotHaveDuplicates().isEqualTo(newestFirst(6));
		assertThat(this.browser.driver().switchTo().activeElement().getText()).isNotBlank();
	}

	@Test
	@Order(3)
	void showsWhatTheApiSaysWhenARequestFails() {
		this.browser.open("/audit/#/?limit=100000");
		assertThat(this.browser.await("[role=alert] .error-detail").getText()).contains("limit");
		this.browser.screenshot("02-list-error");
		this.browser.open("/audit/#/events/999999");
		assertThat(this.browser.await("[role=alert] .error-detail").getText()).contains("999999");
	}

	@Test
	@Order(4)
	void filtersByDateRangeAndOperationAndSearchesByContentId() {
		LocalDate today = LocalDate.now();
		this.browser.open("/audit/#/?from=" + today.plusDays(1));
		assertThat(this.browser.await("#empty-state").getText()).contains("No entries match these filters.");
		this.browser.screenshot("02-list-empty");
		this.browser.open("/audit/#/?from=" + today + "&to=" + today);
		this.browser.await("#events tbody tr");
		assertThat(this.browser.find("#filter-from").getDomProperty("value")).isEqualTo(today.toString());

		this.browser.setValue("#filter-operation", "content.update");
		this.browser.click("#filter-apply");
		this.browser.until((driver) -> driver.getCurrentUrl().contains("operation=content.update"));
		this.browser.until((driver) -> !this.browser.findAll("#events tbody tr").isEmpty() && this.browser
			.findAll("#events tbody tr").stream().allMatch((row) -> row.getText().contains("Content: Update")));
		assertThat(this.browser.driver().getCurrentUrl()).contains("from=" + today);
		this.browser.find("#filter-q").sendKeys("pages-fir");
		this.browser.click("#filter-apply");
		this.browser.until((driver) -> this.browser.findAll("#events tbody tr").size() == 1);
		assertThat(firstRow().getText()).contains("Content: Update");

		this.browser.click("#filter-reset");
		this.browser.until((driver) -> this.browser.findAll("#events tbody tr").size() > 1);
		this.browser.find("#filter-entity-type").sendKeys("Api");
		this.browser.setValue("#filter-action", "CREATE");
		this.browser.click("#filter-apply");
		this.browser.until((driver) -> driver.getCurrentUrl().contains("entityType=Api"));
		this.browser.until((driver) -> !this.browser.findAll("#events tbody tr").isEmpty() && this.browser
			.findAll("#events tbody tr").stream().allMatch((row) -> row.getText().contains("API: Create")));

		this.browser.click("#filter-reset");
		this.browser.until((driver) -> this.browser.findAll("#events tbody tr").size() > 1);
		this.browser.find("#filter-q").sendKeys("pages-xs");
		this.browser.click("#filter-apply");
		this.browser.until((driver) -> this.browser.findAll("#events tbody tr").size() == 1);
		assertThat(firstRow().getText()).contains("Content: Create");

		this.browser.find("#filter-q").clear();
		this.browser.find("#filter-q").sendKeys("no-such-thing-anywhere");
		this.browser.click("#filter-apply");
		assertThat(this.browser.await("#empty-state").getText()).contains("No entries match these filters.");
		this.browser.click("#filter-reset");
		this.browser.await("#events tbody tr");
	}

	@Test
	@Order(5)
	void showsContentTitlesAsText() {
		this.browser.open("/audit/#/?q=pages-xss&operation=content.create");
		this.browser.await("#events tbody tr");
		this.browser.click("#events tbody tr td[data-column=occurredAt] a");
		WebElement changes = this.browser.awaitText("#changes", XSS_TITLE);
		assertThat(changes.findElement(By.cssSelector("tr[data-field=data] td.after")).getText()).contains(XSS_TITLE);
		assertThat(this.browser.findAll("main img")).isEmpty();
		assertThatThrownBy(() -> this.browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
	}

	@Test
	@Order(6)
	void keepsTheChosenDisplayItemsAfterReload() {
		this.browser.open("/audit/");
		this.browser.await("#events tbody tr");
		this.browser.click("#edit-columns");
		WebElement entity = this.browser.await("#column-entity");
		if (!entity.isSelected()) {
			entity.click();
		}
		WebElement ip = this.browser.find("#column-ip");
		if (ip.isSelected()) {
			ip.click();
		}
		this.browser.screenshot("03-edit-display-items");
		this.browser.click("#columns-save");
		this.browser.until((driver) -> this.browser.findAll("dialog").isEmpty());
		assertThat(columns()).contains("entity").doesNotContain("ip");

		this.browser.driver().navigate().refresh();
		this.browser.await("#events tbody tr");
		assertThat(columns()).contains("entity").doesNotContain("ip");
		assertThat(this.browser.find("#events tbody tr td[data-column=entity]").getText()).isNotBlank();
	}

	@Test
	@Order(7)
	void opensAnEntryWithItsChangedFieldsHighlighted() {
		this.browser.open("/audit/#/?q=pages-first&operation=content.update");
		this.browser.await("#events tbody tr");
		this.browser.click("#events tbody tr td[data-column=occurredAt] a");
		this.browser.await("#changes");
		assertThat(this.browser.find("h1").getText()).isEqualTo("Content: Update");
		List<WebElement> changed = this.browser.findAll("#changes tr.changed");
		assertThat(changed).isNotEmpty();
		assertThat(changed.get(0).getText()).contains("Changed");
		assertThat(this.browser.find("#changes tr.changed[data-field=data] td.before").getText()).contains("Hello");
		assertThat(this.browser.find("#changes tr.changed[data-field=data] td.after").getText()).contains("Hello, world");
		// the request that made the change, as the admin's API call recorded it
		assertThat(this.browser.awaitText("main", "/api/v1/services/demo/contents/pagesblog/pages-first").getText())
			.contains("PATCH")
			.contains("JWT")
			.contains("ContentController");
		this.browser.screenshot("04-detail");
		this.browser.script("document.getElementById('changes').scrollIntoView()");
		this.browser.screenshot("04-detail-changes");
	}

	@Test
	@Order(8)
	void revertsTheChangeAndShowsTheNewEntry() {
		String reverted = this.browser.driver().getCurrentUrl();
		this.browser.click("#revert");
		this.browser.await("dialog #revert-confirm");
		this.browser.screenshot("05-revert-confirmation");
		this.browser.click("#revert-confirm");
		WebElement result = this.browser.await("#revert-result");
		assertThat(result.getText()).startsWith("Reverted. The revert was recorded as entry");
		this.browser.screenshot("06-reverted");

		this.browser.open("/audit/");
		this.browser.await("#events tbody tr");
		assertThat(firstRow().getText()).contains("Revert");

		this.browser.driver().get(reverted);
		this.browser.click("#revert");
		this.browser.click("#revert-confirm");
		WebElement refused = this.browser.awaitText("#revert-result", "could not be reverted");
		assertThat(refused.getDomAttribute("role")).isEqualTo("alert");
		assertThat(refused.findElement(By.cssSelector(".error-detail")).getText()).isNotBlank();
		this.browser.screenshot("07-revert-refused");
	}

	@Test
	@Order(9)
	void opensTheHistoryOfAnEntityFromAnEntry() {
		this.browser.click("#changes .history-link");
		this.browser.await("#timeline");
		assertThat(this.browser.find("h1").getText()).startsWith("History of Content");
		List<WebElement> items = this.browser.findAll("#timeline .timeline-item");
		assertThat(items).hasSizeGreaterThanOrEqualTo(3);
		assertThat(items.get(0).getText()).contains("Content: Create");
		assertThat(items.get(items.size() - 1).getText()).contains("Revert");
		this.browser.screenshot("08-history");
	}

	@Test
	@Order(10)
	void downloadsTheCsvOfAPeriod() throws IOException {
		this.browser.open("/audit/");
		this.browser.await("#events tbody tr");
		this.browser.click("#open-download");
		this.browser.await("dialog #download-from");
		this.browser.screenshot("09-download");
		this.browser.click("#download-submit");
		Path csv = this.browser.awaitDownload(".csv");
		try (CSVParser parser = CSVParser.parse(Files.readString(csv, StandardCharsets.UTF_8),
				CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
			List<CSVRecord> records = parser.getRecords();
			assertThat(records).hasSizeGreaterThanOrEqualTo(5);
			assertThat(String.join("\n", records.stream().map(CSVRecord::toString).toList()))
				.contains("Content: Update")
				.contains("Audit log: Revert a change");
		}
	}

	@Test
	@Order(11)
	void showsTheOperationCatalog() {
		this.browser.click(".nav a[data-route=operations]");
		this.browser.await("#catalog");
		assertThat(this.browser.find("[data-operation='content.update']").getText()).contains("content.update");
		assertThat(this.browser.find("[data-operation='plan.change']").getText()).isNotBlank();
		this.browser.screenshot("10-operations");
	}

	@Test
	@Order(12)
	void switchesToJapaneseAndRemembersIt() {
		this.browser.setValue("#lang", "ja");
		this.browser.awaitText("h1", "操作一覧");
		this.browser.screenshot("11-operations-ja");
		this.browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
		this.browser.open("/audit/");
		this.browser.await("#events tbody tr");
		assertThat(this.browser.find("h1").getText()).isEqualTo("監査ログ");
		assertThat(this.browser.find("#edit-columns").getText()).isEqualTo("表示項目の編集");
		assertThat(this.browser.find("#events").getText()).contains("コンテンツ: 更新");
		assertThat(firstRow().findElement(By.cssSelector("td[data-column=occurredAt]")).getText()).contains("JST");
		this.browser.screenshot("12-list-ja");
		this.browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "UTC"));
		this.browser.setValue("#lang", "en");
		this.browser.awaitText("h1", "Audit log");
	}

	@Test
	@Order(13)
	void refusesAViewerWithoutTheViewAuthority() {
		this.browser.driver().manage().deleteAllCookies();
		signIn("viewer@demo.test");
		this.browser.open("/audit/");
		assertThat(this.browser.driver().getPageSource()).contains("403").doesNotContain("assets/app.js");
		this.browser.screenshot("13-viewer-refused");

		CmsClient viewer = new CmsClient(this.baseUrl, "viewer@demo.test", PASSWORD);
		assertThat(viewer.status("/audit/")).isEqualTo(403);
		assertThat(viewer.status("/audit/api/events")).isEqualTo(403);
	}

	private void signIn(String email) {
		this.browser.open("/login");
		this.browser.await("input[name=username]").sendKeys(email);
		this.browser.find("input[name=password]").sendKeys(PASSWORD);
		this.browser.click("button[type=submit]");
		this.browser.until((driver) -> !driver.getCurrentUrl().contains("/login"));
	}

	/** The ids of the demo service's newest entries, newest first by time, then by id. */
	private List<Long> newestFirst(int count) {
		return this.jdbc.queryForList("select id from audit_event where tenant = 'demo'"
				+ " order by occurred_at desc, id desc fetch first ? rows only", Long.class, count);
	}

	private WebElement firstRow() {
		return this.browser.find("#events tbody tr");
	}

	private List<String> columns() {
		return this.browser.findAll("#events thead th").stream().map((th) -> th.getDomAttribute("data-column")).toList();
	}

}
