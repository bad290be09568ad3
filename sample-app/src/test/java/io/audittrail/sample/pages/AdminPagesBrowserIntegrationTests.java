package io.audittrail.sample.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
 * The admin pages in a real (headless) Chromium: an admin signs in on the sample app's
 * login page, operations are performed through the CMS's HTTP API, and the admin reads,
 * filters, inspects, reverts and downloads them, in English, in Japanese and on a
 * phone-sized screen. One application and one browser for the whole class, so the steps
 * run in order and build on each other. Each state is scanned with axe-core (no serious
 * or critical violation) and saved as a screenshot under {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPagesBrowserIntegrationTests {

	private static final String PASSWORD = "demo-password";

	private static final String XSS_TITLE = "<img src=x onerror=alert(1)>";

	private static final String CSV_TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{2}:\\d{2}";

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
		admin.post("/api/v1/services/demo/apis", Map.of("endpoint", "pagesblog", "name", "Blog", "type", "LIST",
				"fields", List.of(Map.of("fieldId", "title", "name", "Title", "kind", "text"))));
		admin.post("/api/v1/services/demo/contents/pagesblog",
				Map.of("contentId", "pages-first", "data", Map.of("title", "Hello")));
		admin.post("/api/v1/services/demo/contents/pagesblog",
				Map.of("contentId", "pages-xss", "data", Map.of("title", XSS_TITLE)));
		admin.patch("/api/v1/services/demo/contents/pagesblog/pages-first", Map.of("data", Map.of("title", "Hello 2")));
		// a refused API request as the HTTP capture records it (the capture itself is
		// tested in the starter)
		this.jdbc
			.update("insert into audit_event (occurred_at, tenant, operation, target, action, outcome, actor_type, "
					+ "actor_id, actor_name, ip, http_method, http_path, http_status, http_resource, http_auth_type) "
					+ "values (?, 'demo', 'http.request', 'http', 'OTHER', 'FAILURE', 'MEMBER', 'viewer@demo.test', "
					+ "'viewer@demo.test', '198.51.100.9', 'POST', '/api/v1/pagesblog', 403, 'ContentApiController', 'JWT')",
					Timestamp.from(Instant.now()));
		this.browser = new Browser(this.baseUrl);
		this.browser.timeZone("UTC");
	}

	@AfterAll
	void closeTheBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	@Order(1)
	void adminSeesWhoDidWhatToWhichEntityWhatChangedAndHowItEnded() {
		signIn("admin@demo.test");
		this.browser.open("/audit/");
		this.browser.await("#events tbody tr");
		assertThat(this.browser.find("h1").getText()).isEqualTo("Audit log");
		assertThat(this.browser.find("#reader").getText()).contains("admin@demo.test");
		assertThat(columns()).containsExactly("occurredAt", "member", "apiKey", "operation", "entity", "summary",
				"outcome");
		assertThat(headers()).contains("Member", "Operation API Key", "Operation Details", "Entity", "Changes",
				"Result");
		List<Long> ids = this.browser.findAll("#events tbody tr")
			.stream()
			.map((row) -> Long.valueOf(row.getDomAttribute("data-id")))
			.toList();
		assertThat(ids).hasSizeGreaterThanOrEqualTo(5);
		assertNewestFirst(ids);
		WebElement refused = rowContaining("POST /api/v1/pagesblog → 403");
		assertThat(refused.findElement(By.cssSelector("td[data-column=outcome]")).getText()).isEqualTo("Failed");
		WebElement update = rowContaining("Content: Update");
		assertThat(update.findElement(By.cssSelector("td[data-column=summary]")).getText())
			.contains("title: Hello → Hello 2");
		assertThat(update.findElement(By.cssSelector("td[data-column=entity]")).getText()).contains("Content")
			.contains("pages-first");
		assertThat(rowContaining("Content: Create").findElement(By.cssSelector("td[data-column=summary]")).getText())
			.startsWith("Created");
		scan("01-list");
	}

	@Test
	@Order(2)
	void loadsMoreEntriesWithTheCursor() {
		this.browser.open("/audit/#/?limit=3");
		this.browser.until((driver) -> this.browser.findAll("#events tbody tr").size() == 3);
		this.browser.click("#load-more");
		this.browser.until((driver) -> this.browser.findAll("#events tbody tr").size() > 3);
		List<Long> ids = this.browser.findAll("#events tbody tr")
			.stream()
			.map((row) -> Long.valueOf(row.getDomAttribute("data-id")))
			.toList();
		assertThat(ids).hasSize(6).doesNotHaveDuplicates();
		assertNewestFirst(ids);
		assertThat(this.browser.driver().switchTo().activeElement().getText()).isNotBlank();
	}

	@Test
	@Order(3)
	void errorsSayWhatWentWrongWithoutDatabaseIds() {
		this.browser.open("/audit/#/?limit=100000");
		assertThat(this.browser.await("[role=alert] .error-title").getText()).isEqualTo("Check the filters");
		assertThat(this.browser.find("[role=alert] .error-detail").getText()).contains("limit");
		scan("02-list-error");
		this.browser.open("/audit/#/events/999999");
		assertThat(this.browser.await("[role=alert] .error-title").getText()).isEqualTo("Not found");
		assertThat(this.browser.find("main").getText()).doesNotContain("999999").doesNotContain("Something went wrong");
		scan("02-entry-not-found");
	}

	@Test
	@Order(4)
	void filtersForgive() {
		LocalDate today = LocalDate.now();
		this.browser.open("/audit/#/?from=" + today.plusDays(1));
		assertThat(this.browser.await("#empty-state").getText()).contains("No entries match these filters.");
		scan("03-list-empty");

		this.browser.open("/audit/");
		this.browser.await("#events tbody tr");
		this.browser.click("#preset-24h");
		this.browser.until((driver) -> driver.getCurrentUrl().contains("period=24h"));
		this.browser.await("#events tbody tr");
		assertThat(this.browser.find("#preset-24h").getDomAttribute("aria-pressed")).isEqualTo("true");

		this.browser.setValue("#filter-from", today.plusDays(2).toString());
		this.browser.setValue("#filter-to", today.toString());
		this.browser.click("#filter-apply");
		assertThat(this.browser.await("#filter-range-error").getText())
			.isEqualTo("The start date must not be after the end date.");
		assertThat(this.browser.driver().getCurrentUrl()).doesNotContain("from=");
		scan("03-reversed-range");

		this.browser.open("/audit/#/?actor=ADMIN%40demo");
		this.browser.await("#events tbody tr");
		assertThat(this.browser.findAll("#events tbody tr"))
			.allSatisfy((row) -> assertThat(row.findElement(By.cssSelector("td[data-column=member]")).getText())
				.isEqualTo("admin@demo.test"));

		this.browser.open("/audit/");
		this.browser.await("#events tbody tr");
		this.browser.find("#filter-entity-type").sendKeys("content");
		this.browser.click("#filter-apply");
		this.browser.until((driver) -> driver.getCurrentUrl().contains("entityType=Content"));
		this.browser.until((driver) -> !this.browser.findAll("#events tbody tr").isEmpty()
				&& this.browser.findAll("#events tbody tr")
					.stream()
					.allMatch((row) -> row.getText().contains("Content: ")));
		assertThat(this.browser.find("#filter-entity-type").getDomProperty("value")).isEqualTo("Content");

		this.browser.click("#filter-reset");
		this.browser.until((driver) -> this.browser.findAll("#events tbody tr").size() > 1);
		rowContaining("Content: Update").findElement(By.cssSelector("td[data-column=operation] a.filter-link")).click();
		this.browser.until((driver) -> driver.getCurrentUrl().contains("operation=content.update"));
		this.browser.until((driver) -> !this.browser.findAll("#events tbody tr").isEmpty()
				&& this.browser.findAll("#events tbody tr")
					.stream()
					.allMatch((row) -> row.getText().contains("Content: Update")));
		rowContaining("pages-first").findElement(By.cssSelector("td[data-column=member] a.filter-link")).click();
		this.browser.until((driver) -> driver.getCurrentUrl().contains("actor=admin%40demo.test"));
		assertThat(this.browser.driver().getCurrentUrl()).contains("operation=content.update");
		this.browser.await("#events tbody tr");
		this.browser.await("#filter-q").sendKeys("pages-fir");
		this.browser.click("#filter-apply");
		this.browser.until((driver) -> this.browser.findAll("#events tbody tr").size() == 1);
		scan("03-list-filtered");

		this.browser.click("#filter-reset");
		this.browser.until((driver) -> this.browser.findAll("#events tbody tr").size() > 1);
		rowContaining("pages-xss").findElement(By.cssSelector("td[data-column=entity] a.filter-link:nth-of-type(2)"))
			.click();
		this.browser.until((driver) -> driver.getCurrentUrl().contains("entityId=pages-xss"));
		this.browser.until((driver) -> this.browser.findAll("#events tbody tr").size() == 1);
		assertThat(firstRow().getText()).contains("Content: Create");
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
		assertThat(changes.findElement(By.cssSelector("tr[data-field='data.title'] td.after")).getText())
			.isEqualTo(XSS_TITLE);
		assertThat(this.browser.findAll("main img")).isEmpty();
		assertThatThrownBy(() -> this.browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
		assertThat(this.browser.findAll("#changes .changed-mark")).as("a creation marks no field as changed").isEmpty();
		assertThat(this.browser.findAll("#changes th").stream().map((th) -> th.getDomProperty("textContent")))
			.contains("Value")
			.doesNotContain("Before");
		scan("04-detail-creation");
	}

	@Test
	@Order(6)
	void keepsTheChosenDisplayItemsAfterReload() {
		this.browser.open("/audit/");
		this.browser.await("#events tbody tr");
		this.browser.click("#edit-columns");
		WebElement ip = this.browser.await("#column-ip");
		if (!ip.isSelected()) {
			ip.click();
		}
		scan("05-edit-display-items");
		this.browser.click("#columns-save");
		this.browser.until((driver) -> this.browser.findAll("dialog").isEmpty());
		assertThat(columns()).contains("ip", "entity", "summary");

		this.browser.driver().navigate().refresh();
		this.browser.await("#events tbody tr");
		assertThat(columns()).contains("ip", "entity");
		assertThat(this.browser.find("#events tbody tr td[data-column=entity]").getText()).isNotBlank();
		this.browser.click("#edit-columns");
		this.browser.await("#column-ip").click();
		this.browser.click("#columns-save");
		this.browser.until((driver) -> this.browser.findAll("dialog").isEmpty());
		assertThat(columns()).doesNotContain("ip");
	}

	@Test
	@Order(7)
	void showsWhatChangedFieldByField() {
		this.browser.open("/audit/#/?q=pages-first&operation=content.update");
		this.browser.await("#events tbody tr");
		this.browser.click("#events tbody tr td[data-column=occurredAt] a");
		this.browser.await("#changes");
		assertThat(this.browser.find("h1").getText()).isEqualTo("Content: Update");
		List<WebElement> changed = this.browser.findAll("#changes tr.changed");
		assertThat(changed).singleElement().satisfies((row) -> {
			assertThat(row.getDomAttribute("data-field")).isEqualTo("data.title");
			assertThat(row.findElement(By.cssSelector("th")).getText()).startsWith("Data.title").contains("Changed");
			assertThat(row.findElement(By.cssSelector("td.before")).getText()).isEqualTo("Hello");
			assertThat(row.findElement(By.cssSelector("td.after")).getText()).isEqualTo("Hello 2");
		});
		assertThat(this.browser.find("#changes tr[data-field=serviceRef] th").getText()).isEqualTo("Service");
		assertThat(this.browser.find("#changes tr[data-field=reservationStart] td.after").getText())
			.isEqualTo("(empty)");
		assertThat(this.browser.find("main").getText()).contains("Member").doesNotContain("Workspace");
		// the request that made the change, as the admin's API call recorded it
		assertThat(this.browser.awaitText("main", "/api/v1/services/demo/contents/pagesblog/pages-first").getText())
			.contains("PATCH")
			.contains("JWT")
			.contains("ContentController");
		scan("06-detail");
		this.browser.script("document.getElementById('changes').scrollIntoView()");
		this.browser.screenshot("06-detail-changes");
	}

	@Test
	@Order(8)
	void revertSaysWhatItRestoresAndBothEntriesLinkToEachOther() {
		String reverted = this.browser.driver().getCurrentUrl();
		String revertedId = reverted.substring(reverted.lastIndexOf('/') + 1);
		this.browser.click("#revert");
		WebElement plan = this.browser.await("dialog #revert-plan");
		assertThat(plan.findElement(By.cssSelector("li[data-field='data.title']")).getText())
			.isEqualTo("Data.title: Hello 2 → Hello");
		assertThat(this.browser.findAll("#revert-bulk")).isEmpty();
		scan("07-revert-confirmation");
		this.browser.click("#revert-confirm");
		WebElement result = this.browser.await("#revert-result");
		assertThat(result.getText()).startsWith("Reverted. The revert was recorded as a new entry.");
		this.browser.click("#revert-result a");
		WebElement revertOf = this.browser.await("#revert-of");
		assertThat(revertOf.getText()).isEqualTo("This entry reverted entry " + revertedId + ".");
		scan("07-revert-entry");

		revertOf.findElement(By.cssSelector("a")).click();
		assertThat(this.browser.await("#reverted-by").getText()).startsWith("Reverted by admin@demo.test on");
		scan("07-reverted-by");
		this.browser.click("#revert");
		this.browser.click("#revert-confirm");
		WebElement refused = this.browser.awaitText("#revert-result", "cannot be reverted");
		assertThat(refused.getDomAttribute("role")).isEqualTo("alert");
		assertThat(refused.findElement(By.cssSelector(".error-title")).getText())
			.isEqualTo("The change cannot be reverted");
		assertThat(refused.getText()).doesNotContainIgnoringCase("revision");
		scan("07-revert-refused");

		this.browser.open("/audit/#/?operation=api.create&q=Blog");
		this.browser.await("#events tbody tr");
		this.browser.click("#events tbody tr td[data-column=occurredAt] a");
		this.browser.click("#revert");
		assertThat(this.browser.await("#revert-bulk").getText())
			.contains("in one batch: reverting restores every one of them");
		scan("07-revert-bulk");
		this.browser.click("#revert-cancel");
	}

	@Test
	@Order(9)
	void oneEntityHasOneHistoryFromTheListAndFromTheChange() {
		this.browser.open("/audit/#/?q=pages-first&operation=content.update");
		this.browser.await("#events tbody tr");
		this.browser.click("#events tbody tr td[data-column=entity] a.entity-link");
		this.browser.await("#timeline");
		String fromList = this.browser.driver().getCurrentUrl();
		List<String> listTimeline = timeline();
		assertThat(this.browser.find("h1").getText()).isEqualTo("History of Content pages-first");
		assertThat(listTimeline).hasSizeGreaterThanOrEqualTo(3);
		List<WebElement> items = this.browser.findAll("#timeline .timeline-item");
		assertThat(items.get(0).getText()).contains("Content: Create");
		assertThat(items.get(1).getText()).contains("Content: Update").contains("title: Hello → Hello 2");
		assertThat(items.get(items.size() - 1).getText()).contains("Revert");
		scan("08-history");

		this.browser.open("/audit/#/?q=pages-first&operation=content.update");
		this.browser.await("#events tbody tr");
		this.browser.click("#events tbody tr td[data-column=occurredAt] a");
		this.browser.click("#changes article[data-entity-type=Content] .history-link");
		this.browser.until(
				(driver) -> !driver.getCurrentUrl().equals(fromList) && driver.getCurrentUrl().contains("/entities/"));
		this.browser.await("#timeline");
		assertThat(this.browser.driver().getCurrentUrl()).doesNotContain("pages-first");
		assertThat(timeline()).isEqualTo(listTimeline);
	}

	@Test
	@Order(10)
	void backToTheListKeepsFiltersAndLoadedPagesAndAnEndedSessionOffersToSignIn() {
		this.browser.open("/audit/#/?q=pages&limit=2");
		this.browser.until((driver) -> this.browser.findAll("#events tbody tr").size() == 2);
		this.browser.click("#load-more");
		this.browser.until((driver) -> this.browser.findAll("#events tbody tr").size() == 4);
		this.browser.findAll("#events tbody tr td[data-column=occurredAt] a").get(3).click();
		this.browser.await("#changes");
		this.browser.click(".breadcrumb a");
		this.browser.until((driver) -> driver.getCurrentUrl().contains("q=pages"));
		this.browser.until((driver) -> this.browser.findAll("#events tbody tr").size() == 4);
		assertThat(this.browser.find("#filter-q").getDomProperty("value")).isEqualTo("pages");

		this.browser.driver().manage().deleteAllCookies();
		this.browser.script("window.location.hash = '#/?q=pages-xss'");
		assertThat(this.browser.await("[role=alert] .error-title").getText()).isEqualTo("Your session has ended");
		scan("09-session-ended");
		this.browser.click("#sign-in-again");
		this.browser.until((driver) -> driver.getCurrentUrl().contains("/login"));
		signInOnThisPage("admin@demo.test");
		this.browser.until((driver) -> driver.getCurrentUrl().contains("q=pages-xss"));
		this.browser.until((driver) -> this.browser.findAll("#events tbody tr").size() >= 1);
		assertThat(firstRow().getText()).contains("pages-xss");
	}

	@Test
	@Order(11)
	void downloadsWhatTheReaderSees() throws IOException {
		this.browser.open("/audit/#/?operation=content.update&actor=admin");
		this.browser.await("#events tbody tr");
		int shown = this.browser.findAll("#events tbody tr").size();
		this.browser.click("#open-download");
		this.browser.await("dialog #download-from");
		assertThat(this.browser.find("#download-filters").getText()).contains("Member: admin")
			.contains("Operation: Content: Update");
		assertThat(this.browser.find("#download-to").getDomProperty("value")).isEqualTo(LocalDate.now().toString());
		scan("10-download");
		this.browser.click("#download-submit");
		List<CSVRecord> records = csv(this.browser.awaitDownload(".csv"));
		assertThat(records.get(0).toList()).startsWith("Date and Time", "IP Address", "Member", "Operation API Key",
				"Operation Details", "Service", "Entity", "Result");
		assertThat(records.subList(1, records.size())).hasSize(shown).allSatisfy((row) -> {
			assertThat(row.get(0)).matches(CSV_TIME).endsWith("+00:00");
			assertThat(row.get(4)).isEqualTo("Content: Update");
			assertThat(row.get(7)).isEqualTo("Succeeded");
		});

		this.browser.click("#open-download");
		this.browser.click("#download-jsonl");
		this.browser.click("#download-submit");
		List<String> lines = Files.readAllLines(this.browser.awaitDownload(".jsonl"), StandardCharsets.UTF_8);
		assertThat(lines).hasSize(shown)
			.allSatisfy((line) -> assertThat(line).contains("\"operation\":\"content.update\""));
	}

	@Test
	@Order(12)
	void showsTheOperationCatalog() {
		this.browser.click(".nav a[data-route=operations]");
		this.browser.await("#catalog");
		assertThat(this.browser.find("[data-operation='content.update']").getText()).contains("content.update");
		assertThat(this.browser.find("[data-operation='plan.change']").getText()).isNotBlank();
		scan("11-operations");
	}

	@Test
	@Order(13)
	void speaksJapaneseWithoutBreakingTheLayout() throws IOException {
		this.browser.setValue("#lang", "ja");
		this.browser.awaitText("h1", "操作一覧");
		scan("12-operations-ja");
		this.browser.timeZone("Asia/Tokyo");
		this.browser.open("/audit/");
		this.browser.await("#events tbody tr");
		assertThat(this.browser.find("h1").getText()).isEqualTo("監査ログ");
		assertThat(this.browser.find("#edit-columns").getText()).isEqualTo("表示項目の編集");
		assertThat(this.browser.find("#events").getText()).contains("コンテンツ: 更新")
			.contains("POST /api/v1/pagesblog → 403");
		assertThat(headers()).contains("ユーザー", "操作APIキー");
		assertThat(firstRow().findElement(By.cssSelector("td[data-column=occurredAt]")).getText()).contains("JST");

		this.browser.click("#edit-columns");
		for (String item : List.of("ip", "tenant", "action", "request", "content_id", "api_name",
				"custom_content_id")) {
			WebElement box = this.browser.await("#column-" + item);
			if (!box.isSelected()) {
				box.click();
			}
		}
		this.browser.click("#columns-save");
		this.browser.until((driver) -> this.browser.findAll("dialog").isEmpty());
		this.browser.await("#events tbody tr");
		assertThat(headers()).contains("サービス", "対象コンテンツID");
		assertNoCharacterPerLine("#events thead th");
		assertNoCharacterPerLine(".filters label");
		scan("13-list-ja");

		this.browser.open("/audit/#/events/999999");
		assertThat(this.browser.await("[role=alert] .error-title").getText()).isEqualTo("見つかりません");
		assertThat(this.browser.find("[role=alert] .error-detail").getText()).isEqualTo("存在しないか、閲覧する権限がありません。");
		scan("13-not-found-ja");

		this.browser.open("/audit/#/?q=pages-first&operation=content.update");
		this.browser.await("#events tbody tr");
		this.browser.click("#events tbody tr td[data-column=occurredAt] a");
		this.browser.await("#changes");
		assertThat(this.browser.find("#changes tr.changed[data-field='data.title'] th").getText())
			.startsWith("データ.title");
		this.browser.click("#revert");
		this.browser.click("#revert-confirm");
		WebElement refused = this.browser.awaitText("#revert-result", "元に戻せません");
		// the page's own words are Japanese; only the field's current value (the
		// application's data) is quoted as stored
		assertThat(refused.getText()).startsWith("この変更は元に戻せません")
			.doesNotContainPattern("(?i)cannot|revert|changed since|value now");
		scan("13-revert-refused-ja");

		this.browser.click(".breadcrumb a");
		this.browser.await("#events tbody tr");
		this.browser.click("#open-download");
		this.browser.click("#download-submit");
		List<CSVRecord> records = csv(this.browser.awaitDownload(".csv"));
		assertThat(records.get(0).toList()).startsWith("日時", "IPアドレス", "ユーザー", "操作APIキー", "操作内容", "サービス");
		assertThat(records.get(1).get(0)).matches(CSV_TIME).endsWith("+09:00");
		assertThat(records.get(1).get(4)).isEqualTo("コンテンツ: 更新");

		this.browser.click("#edit-columns");
		for (String item : List.of("ip", "tenant", "action", "request", "content_id", "api_name",
				"custom_content_id")) {
			this.browser.await("#column-" + item).click();
		}
		this.browser.click("#columns-save");
		this.browser.until((driver) -> this.browser.findAll("dialog").isEmpty());
	}

	@Test
	@Order(14)
	void fitsAPhone() {
		this.browser.resize(390, 844);
		this.browser.open("/audit/");
		this.browser.await("#events tbody tr");
		assertThat(this.browser.find("#filters-panel").getDomProperty("open")).isEqualTo("false");
		assertThat(firstRow().getRect().getY()).as("the first entry shows on the first screen").isLessThan(600);
		assertThat(this.browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
			.isEqualTo(true);
		assertThat(firstRow().findElements(By.cssSelector("td")))
			.allSatisfy((cell) -> assertThat(cell.getRect().getWidth()).as("each value has the card's width")
				.isGreaterThan(250));
		scan("14-phone-list-ja");
		this.browser.click("#filters-panel summary");
		this.browser.await("#filter-actor");
		scan("14-phone-filters-ja");

		this.browser.setValue("#lang", "en");
		this.browser.awaitText("h1", "Audit log");
		this.browser.open("/audit/#/?q=pages-first&operation=content.update");
		this.browser.await("#events tbody tr");
		this.browser.click("#events tbody tr td[data-column=occurredAt] a");
		this.browser.await("#changes");
		assertThat(this.browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
			.isEqualTo(true);
		scan("14-phone-detail");
		this.browser.click("#revert");
		this.browser.await("dialog #revert-plan");
		scan("14-phone-revert");
		this.browser.click("#revert-cancel");
		this.browser.click(".breadcrumb a");
		this.browser.await("#events tbody tr");
		this.browser.click("#open-download");
		this.browser.await("dialog #download-from");
		scan("14-phone-download");
		this.browser.click("dialog .dialog-actions .button");
		this.browser.findAll("#events tbody tr td[data-column=entity] a.entity-link").get(0).click();
		this.browser.await("#timeline");
		scan("14-phone-history");
		this.browser.resize(1440, 1000);
		this.browser.timeZone("UTC");
	}

	@Test
	@Order(15)
	void aReaderWithoutTheViewAuthorityGetsAReadablePage() {
		this.browser.driver().manage().deleteAllCookies();
		signIn("viewer@demo.test");
		this.browser.open("/audit/");
		assertThat(this.browser.await("h1").getText()).isEqualTo("You may not read the audit log");
		assertThat(this.browser.find("main").getText()).contains("viewer@demo.test");
		assertThat(this.browser.driver().getPageSource()).doesNotContain("assets/app.js");
		scan("15-viewer-refused");

		CmsClient viewer = new CmsClient(this.baseUrl, "viewer@demo.test", PASSWORD);
		assertThat(viewer.status("/audit/")).isEqualTo(403);
		assertThat(viewer.status("/audit/api/events")).isEqualTo(403);
	}

	private void signIn(String email) {
		this.browser.open("/login");
		signInOnThisPage(email);
	}

	private void signInOnThisPage(String email) {
		this.browser.await("input[name=username]").sendKeys(email);
		this.browser.find("input[name=password]").sendKeys(PASSWORD);
		this.browser.click("button[type=submit]");
		this.browser.until((driver) -> !driver.getCurrentUrl().contains("/login"));
	}

	/** Saves a screenshot of the state and checks it with axe-core. */
	private void scan(String name) {
		this.browser.screenshot(name);
		assertThat(this.browser.accessibilityViolations()).as("serious or critical accessibility violations in " + name)
			.isEmpty();
	}

	private void assertNoCharacterPerLine(String css) {
		assertThat(this.browser.findAll(css)).isNotEmpty().allSatisfy((element) -> {
			double lineHeight = Double.parseDouble(String.valueOf(this.browser
				.script("return parseFloat(getComputedStyle(arguments[0]).lineHeight) || 20", element)));
			assertThat(element.getRect().getHeight()).as("'%s' stays on one line", element.getText())
				.isLessThan((int) (lineHeight * 1.8) + 20);
		});
	}

	private List<CSVRecord> csv(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		try (CSVParser parser = CSVParser.parse(text.startsWith("\uFEFF") ? text.substring(1) : text,
				CSVFormat.RFC4180)) {
			return parser.getRecords();
		}
	}

	/** The entries shown are newest first: by time, then by id. */
	private void assertNewestFirst(List<Long> ids) {
		Map<Long, Timestamp> times = new HashMap<>();
		this.jdbc.query("select id, occurred_at from audit_event where id in ("
				+ ids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")", (row) -> {
					times.put(row.getLong(1), row.getTimestamp(2));
				});
		assertThat(ids).isSortedAccordingTo(
				Comparator.comparing((Long id) -> times.get(id)).thenComparing(Comparator.naturalOrder()).reversed());
	}

	private WebElement firstRow() {
		return this.browser.find("#events tbody tr");
	}

	private WebElement rowContaining(String text) {
		return this.browser.until((driver) -> this.browser.findAll("#events tbody tr")
			.stream()
			.filter((row) -> row.getText().contains(text))
			.findFirst()
			.orElse(null));
	}

	private List<String> columns() {
		return this.browser.findAll("#events thead th")
			.stream()
			.map((th) -> th.getDomAttribute("data-column"))
			.toList();
	}

	private List<String> headers() {
		return this.browser.findAll("#events thead th").stream().map((th) -> th.getDomProperty("textContent")).toList();
	}

	private List<String> timeline() {
		return this.browser.findAll("#timeline .timeline-item")
			.stream()
			.map((item) -> item.getDomAttribute("data-id") + "/" + item.getDomAttribute("data-revision"))
			.toList();
	}

}
