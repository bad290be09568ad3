package io.audittrail.capture.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.util.ContentCachingRequestWrapper;

import io.audittrail.masking.Masking;
import io.audittrail.masking.SecretFields;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What of a request body is kept, and how secrets in it are masked.
 */
class RequestDetailsTests {

	private final HttpCaptureSettings settings = HttpCaptureSettings.of(List.of("POST"), List.of(), List.of(), "/audit",
			List.of(), List.of("X-API-KEY"), 64, true, false, false);

	private final RequestDetails details = new RequestDetails(this.settings, JsonMapper.builder().build(),
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
