package io.audittrail.capture.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.util.ContentCachingRequestWrapper;

import io.audittrail.spi.SecretFields;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What of a request body is kept, and how secrets in it are masked.
 */
class RequestDetailsTests {

	private final HttpCaptureSettings settings = HttpCaptureSettings.of(List.of("POST"), List.of(), List.of(), "/audit",
			List.of(), List.of("X-API-KEY"), 64, true, false, false);

	private final JsonMapper json = JsonMapper.builder().build();

	private final RequestDetails details = new RequestDetails(this.settings, this.json,
			new Masking(SecretFields.defaults()));

	@Test
	void jsonFieldsAreMaskedAtAnyDepthWhateverTheirCaseAndValue() throws IOException {
		Map<String, Object> detail = describe("application/json",
				"[{\"a\":{\"b\":{\"PASSWORD\":1,\"Secret\":{\"x\":\"y\"}}}},{\"apikey\":null}]");

		assertThat(detail.get("body").toString())
			.isEqualTo("[{\"a\":{\"b\":{\"PASSWORD\":\"***\",\"Secret\":\"***\"}}},{\"apikey\":\"***\"}]");
	}

	@Test
	void cutJsonIsMaskedByPatternEvenInsideAnUnfinishedValue() throws IOException {
		Map<String, Object> detail = describe("application/json",
				"{\"name\":\"n\",\"password\":\"p-1\",\"token\":\"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ\"}");

		assertThat((String) detail.get("body")).startsWith("{\"name\":\"n\",\"password\":\"***\",\"token\":\"***\"")
			.contains("...[truncated: kept 64 of ")
			.doesNotContain("p-1", "abcdef");
	}

	@Test
	void xmlAndFormLikeTextIsMaskedByPattern() throws IOException {
		assertThat(describe("application/xml", "<user><password>p-2</password><name>n</name></user>").get("body"))
			.isEqualTo("<user><password>***</password><name>n</name></user>");
		assertThat(describe("text/plain", "login secret=s-3&user=u").get("body")).isEqualTo("login secret=***&user=u");
	}

	@Test
	void binaryBodiesAreDescribedNotKept() throws IOException {
		assertThat(describe("application/octet-stream", "GIF89a").get("bodyDescription"))
			.isEqualTo(Map.of("contentType", "application/octet-stream", "size", 6L, "kind", "binary"));
		assertThat(describe("text/plain", "nul\u0000byte")).doesNotContainKey("body")
			.extractingByKey("bodyDescription")
			.hasToString("{contentType=text/plain, size=8, kind=not text in UTF-8}");
		assertThat(describe("text/plain; charset=no-such-charset", "abc").get("bodyDescription"))
			.hasToString("{contentType=text/plain; charset=no-such-charset, size=3, kind=unknown content type}");
	}

	@Test
	void bodyWithoutContentTypeIsKeptAsJsonOrText() throws IOException {
		assertThat(describe(null, "{\"token\":\"t\"}").get("body").toString()).isEqualTo("{\"token\":\"***\"}");
		assertThat(describe(null, "hello").get("body")).isEqualTo("hello");
	}

	@Test
	void declaredCharsetIsHonoured() throws IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api");
		request.setContentType("text/plain; charset=ISO-8859-1");
		request.setContent("café".getBytes(StandardCharsets.ISO_8859_1));

		assertThat(describe(request).get("body")).isEqualTo("café");
	}

	@Test
	void detailLongerThanTheColumnIsStoredWithoutItsBodyAndAMarker() throws IOException {
		HttpCaptureSettings largest = HttpCaptureSettings.of(List.of("POST"), List.of(), List.of(), "/audit", List.of(),
				List.of(), HttpCaptureSettings.LARGEST_BODY, true, true, false);
		RequestDetails details = new RequestDetails(largest, this.json, new Masking(SecretFields.defaults()));
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api");
		request.setContentType("text/plain");
		// quotes take twice their length in JSON: 800KB for the body, 200KB for the query
		request.setContent("\"".repeat(HttpCaptureSettings.LARGEST_BODY).getBytes(StandardCharsets.UTF_8));
		StringBuilder query = new StringBuilder("title=kept");
		for (int i = 0; i < 99; i++) {
			query.append("&f").append(i).append('=').append("%22".repeat(RequestDetails.MAX_VALUE_CHARS));
		}
		request.setQueryString(query.toString());
		ContentCachingRequestWrapper wrapper = new ContentCachingRequestWrapper(request, largest.maxBodyBytes() + 1);
		wrapper.getInputStream().readAllBytes();

		Map<String, Object> detail = details
			.describe(details.snapshot(new CapturedRequest(request, wrapper, Instant.now())));

		assertThat(this.json.writeValueAsString(detail).length()).isLessThanOrEqualTo(RequestDetails.MAX_DETAIL_CHARS);
		assertThat(detail).doesNotContainKey("body").containsKey("query");
		assertThat(detail.get("bodyDescription")).hasToString(
				"{contentType=text/plain, size=" + HttpCaptureSettings.LARGEST_BODY + ", kind=too large for the log}");
		assertThat((String) detail.get("detailCut"))
			.matches("the detail took \\d+ characters, more than the 1000000 the log holds; the body was left out");
	}

	@Test
	void maxBodyBytesAboveWhatTheColumnHoldsIsRefused() {
		Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> HttpCaptureSettings.of(List.of("POST"), List.of(), List.of(), "/audit", List.of(),
					List.of(), 64L * 1024 * 1024, true, false, false))
			.withMessage("audit.http.max-body-bytes must be between 0 and 409600 bytes (400KB), so that a body fits "
					+ "the request detail column, but is 67108864 bytes");
	}

	@Test
	void bodyLeftUnreadByTheApplicationIsDescribed() throws IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api");
		request.setContentType("text/csv");
		request.setContent("title,password\nHello,p-4\n".getBytes(StandardCharsets.UTF_8));
		ContentCachingRequestWrapper wrapper = new ContentCachingRequestWrapper(request,
				this.settings.maxBodyBytes() + 1);
		// as a message converter peeks at the first byte before answering 415
		wrapper.getInputStream().read();

		Map<String, Object> detail = this.details
			.describe(this.details.snapshot(new CapturedRequest(request, wrapper, Instant.now())));

		assertThat(detail).doesNotContainKey("body");
		assertThat(detail.get("bodyDescription"))
			.hasToString("{contentType=text/csv, size=25, kind=not read by the application}");
	}

	private Map<String, Object> describe(String contentType, String body) throws IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api");
		if (contentType != null) {
			request.setContentType(contentType);
		}
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return describe(request);
	}

	private Map<String, Object> describe(MockHttpServletRequest request) throws IOException {
		ContentCachingRequestWrapper wrapper = new ContentCachingRequestWrapper(request,
				this.settings.maxBodyBytes() + 1);
		wrapper.getInputStream().readAllBytes();
		return this.details.describe(this.details.snapshot(new CapturedRequest(request, wrapper, Instant.now())));
	}

}
