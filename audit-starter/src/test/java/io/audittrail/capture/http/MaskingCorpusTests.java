package io.audittrail.capture.http;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingRequestWrapper;

import io.audittrail.spi.SecretFields;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every secret field name of the corpus is masked with the default settings in every
 * place a request carries fields: JSON (also nested, single-quoted, unquoted), form
 * bodies, the query, text, XML, path parameters and path matrix parameters; the ordinary
 * fields beside them are kept.
 */
class MaskingCorpusTests {

	/**
	 * Secret names seen stored in clear, and more of the same kinds (names in the style
	 * of OAuth 2.0, RFC 6749 section 5.1, and of common web frameworks' forms).
	 */
	static final List<String> SECRET_NAMES = List.of("password", "Password", "PASSWORD", "pwd", "passwd", "passphrase",
			"newPassword", "new_password", "password_confirmation", "passwordConfirmation", "current-password",
			"user[password]", "user.password", "secret", "client_secret", "clientSecret", "token", "access_token",
			"refresh_token", "id_token", "accessToken", "X-Auth-Token", "csrf_token", "_csrf", "api_key", "apiKey",
			"API-KEY", "x-api-key", "authorization", "Authorization", "session", "session_id", "sessionId",
			"jsessionid", "JSESSIONID", "credentials", "private_key", "privateKey", "card", "card_number", "cardNumber",
			"credit_card", "creditCardNumber", "cvv", "cvc", "CVC2", "card[cvc]", "aws_secret_access_key");

	/** Names that look near the secret ones but hold no secret. */
	static final List<String> ORDINARY_NAMES = List.of("title", "email", "username", "author", "apiKeyId", "token_id",
			"name", "description");

	private static final String SECRET = "S3cr3t-value";

	private static final String ORDINARY = "kept-value";

	private final HttpCaptureSettings settings = HttpCaptureSettings.of(List.of("POST"), List.of(), List.of(), "/audit",
			List.of(), List.of("X-API-KEY"), 16 * 1024, true, true, true);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final RequestDetails details = new RequestDetails(this.settings, json,
			new Masking(SecretFields.defaults()));

	static Stream<String> secretNames() {
		return SECRET_NAMES.stream();
	}

	static Stream<String> ordinaryNames() {
		return ORDINARY_NAMES.stream();
	}

	@ParameterizedTest
	@MethodSource("secretNames")
	void jsonFieldsAreMaskedAtTheTopAndNested(String name) {
		String detail = describe("application/json", "{\"" + name + "\":\"" + SECRET + "\",\"title\":\"" + ORDINARY
				+ "\",\"list\":[{\"a\":{\"" + name + "\":{\"x\":\"" + SECRET + "\"}}}]}");

		assertMasked(detail);
		assertThat(detail).doesNotContain("bodyMalformed");
	}

	@ParameterizedTest
	@MethodSource("secretNames")
	void malformedJsonIsMaskedWhetherSingleQuotedUnquotedOrCutShort(String name) {
		assertMasked(describe("application/json", "{'" + name + "': '" + SECRET + "', 'title': '" + ORDINARY + "'}"));
		assertMasked(describe("application/json", "{" + name + ": " + SECRET + ", title: " + ORDINARY + "}"));
		assertMasked(describe("application/json", "{\"title\":\"" + ORDINARY + "\",\"" + name + "\":\"" + SECRET));
	}

	@ParameterizedTest
	@MethodSource("secretNames")
	void formFieldsAreMasked(String name) {
		assertMasked(
				describe("application/x-www-form-urlencoded", encoded(name) + "=" + SECRET + "&title=" + ORDINARY));
	}

	@ParameterizedTest
	@MethodSource("secretNames")
	void queryParametersAreMasked(String name) {
		MockHttpServletRequest request = request(null, "");
		request.setQueryString(encoded(name) + "=" + SECRET + "&title=" + ORDINARY);

		assertMasked(describe(request));
	}

	@ParameterizedTest
	@MethodSource("secretNames")
	void textLinesAreMasked(String name) {
		assertMasked(describe("text/plain", name + ": " + SECRET + "\ntitle: " + ORDINARY));
		assertMasked(describe("text/plain", "title = " + ORDINARY + "\n" + name + " = " + SECRET + "\n"));
		assertMasked(describe("text/plain", "login " + name + "=" + SECRET + "&title=" + ORDINARY));
	}

	@ParameterizedTest
	@MethodSource("secretNames")
	void xmlElementsAndAttributesAreMasked(String name) {
		String element = name.replace('[', '-').replace(']', '-');
		assertMasked(describe("application/xml",
				"<user><title>" + ORDINARY + "</title><ns:" + element + ">" + SECRET + "</ns:" + element + "></user>"));
		assertMasked(
				describe("application/xml", "<user title=\"" + ORDINARY + "\" " + element + "=\"" + SECRET + "\"/>"));
		assertMasked(describe("text/xml",
				"<" + element + " kind=\"x\">" + SECRET + "</" + element + "><title>" + ORDINARY + "</title>"));
	}

	@ParameterizedTest
	@MethodSource("secretNames")
	void pathParametersAndMatrixParametersAreMasked(String name) {
		MockHttpServletRequest request = request(null, "");
		request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of(name, SECRET, "title", ORDINARY));

		assertMasked(describe(request));
		assertThat(new Masking(SecretFields.defaults())
			.maskPath("/api/" + ORDINARY + ";" + name + "=" + SECRET + ";title=" + ORDINARY + "/next"))
			.isEqualTo("/api/" + ORDINARY + ";" + name + "=***;title=" + ORDINARY + "/next");
	}

	@ParameterizedTest
	@MethodSource("ordinaryNames")
	void ordinaryFieldsAreKeptEverywhere(String name) {
		String json = describe("application/json", "{\"" + name + "\":\"" + ORDINARY + "\"}");
		String form = describe("application/x-www-form-urlencoded", name + "=" + ORDINARY);
		String text = describe("text/plain", name + ": " + ORDINARY);
		String xml = describe("application/xml", "<" + name + ">" + ORDINARY + "</" + name + ">");

		assertThat(List.of(json, form, text, xml)).allSatisfy((detail) -> assertThat(detail).contains(ORDINARY));
	}

	private static void assertMasked(String detail) {
		assertThat(detail).doesNotContain(SECRET).contains(ORDINARY).contains(Masking.MASK);
	}

	private String describe(String contentType, String body) {
		return describe(request(contentType, body));
	}

	private String describe(MockHttpServletRequest request) {
		try {
			ContentCachingRequestWrapper wrapper = new ContentCachingRequestWrapper(request,
					this.settings.maxBodyBytes() + 1);
			wrapper.getInputStream().readAllBytes();
			return json.writeValueAsString(
					this.details.describe(this.details.snapshot(new CapturedRequest(request, wrapper, Instant.now()))));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MockHttpServletRequest request(String contentType, String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api");
		if (contentType != null) {
			request.setContentType(contentType);
		}
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

	private static String encoded(String name) {
		return URLEncoder.encode(name, StandardCharsets.UTF_8);
	}

}
