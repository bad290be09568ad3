package io.audittrail.sample.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) for a
 * test class, with a fresh profile, downloads into a directory of its own, and
 * screenshots under {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final Path profile;

	private final Path downloads;

	private final String baseUrl;

	private String axe;

	Browser(String baseUrl) {
		this.baseUrl = baseUrl;
		try {
			this.profile = Files.createTempDirectory("audit-pages-chromium");
			this.downloads = Files.createTempDirectory("audit-pages-downloads");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(Path.of("/usr/bin/chromium").toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--window-size=1440,1000", "--lang=en-US", "--user-data-dir=" + this.profile);
		options.setExperimentalOption("prefs", Map.of("download.default_directory", this.downloads.toString(),
				"download.prompt_for_download", false, "intl.accept_languages", "en-US,en"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	/** Opens a path of the application. */
	void open(String path) {
		this.driver.get(this.baseUrl + path);
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	/** Waits until an element is shown and returns it. */
	WebElement await(String css) {
		return until((driver) -> {
			List<WebElement> found = driver.findElements(By.cssSelector(css));
			return (!found.isEmpty() && found.get(0).isDisplayed()) ? found.get(0) : null;
		});
	}

	/** Waits until an element shows the text. */
	WebElement awaitText(String css, String text) {
		return until((driver) -> driver.findElements(By.cssSelector(css))
			.stream()
			.filter((element) -> element.getText().contains(text))
			.findFirst()
			.orElse(null));
	}

	/**
	 * Clicks the first shown element that matches, once it can be clicked (retrying while
	 * the page redraws).
	 */
	void click(String css) {
		until((driver) -> {
			try {
				WebElement element = driver.findElement(By.cssSelector(css));
				if (!element.isDisplayed() || !element.isEnabled()) {
					return null;
				}
				element.click();
				return true;
			}
			catch (NoSuchElementException | StaleElementReferenceException | ElementNotInteractableException ex) {
				return null;
			}
		});
	}

	<T> T until(ExpectedCondition<T> condition) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** Sets an input's value as a user would, firing input and change events. */
	void setValue(String css, String value) {
		script("const e = document.querySelector(arguments[0]); e.value = arguments[1];"
				+ " e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
				css, value);
	}

	/** Saves a screenshot of the page as {@code target/screenshots/<name>.png}. */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.copy(this.driver.getScreenshotAs(OutputType.FILE).toPath(), target,
					StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits for a finished download whose name ends with the suffix, and moves it out of
	 * the way of the next.
	 */
	Path awaitDownload(String suffix) {
		Path found = until((driver) -> {
			try (Stream<Path> files = Files.list(this.downloads)) {
				return files.filter((file) -> file.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		try {
			Path kept = Files.createTempFile(this.profile, "download-", suffix);
			Files.move(found, kept, StandardCopyOption.REPLACE_EXISTING);
			return kept;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Resizes the window, e.g. to a phone's 390×844. */
	void resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	/** Makes the page run in the given time zone, as a reader there would. */
	void timeZone(String zone) {
		this.driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
	}

	/**
	 * Runs axe-core (from the {@code com.deque.html.axe-core:selenium} artifact's
	 * {@code axe.min.js}) on the page and returns its serious and critical violations,
	 * one line each; empty when there is none.
	 */
	@SuppressWarnings("unchecked")
	List<String> accessibilityViolations() {
		if (this.axe == null) {
			try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
				if (in == null) {
					throw new IllegalStateException("axe.min.js is not on the test class path");
				}
				this.axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		if (!Boolean.TRUE.equals(script("return typeof window.axe !== 'undefined'"))) {
			script(this.axe);
		}
		Object result = ((JavascriptExecutor) this.driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] })
				  .then((results) => done(results.violations
				    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
				    .map((violation) => violation.id + ' (' + violation.impact + '): ' + violation.help + ' at '
				      + violation.nodes.slice(0, 5).map((node) => node.target.join(' ')).join(', '))))
				  .catch((error) => done(['axe failed: ' + error]));
				""");
		return (List<String>) result;
	}

	@Override
	public void close() {
		this.driver.quit();
		delete(this.profile);
		delete(this.downloads);
	}

	private static void delete(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind is harmless
		}
	}

}
