package io.audittrail.capture.http;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Turns a captured request into the {@code detail} of its request part: the body, query
 * and path parameters and selected headers, as far as the settings ask for them. Secrets
 * never get through: credential headers are skipped, and the {@link Masking} masks secret
 * fields at any depth of a JSON body, in form bodies, the query, path parameters and
 * headers, and in text that cannot be parsed. Binary and multipart bodies are described,
 * not kept. Thread-safe.
 */
final class RequestDetails {

	static final int MAX_VALUE_CHARS = 1024;

	/**
	 * The longest detail kept, as JSON: the {@code http_detail} column holds no more on
	 * H2.
	 */
	static final int MAX_DETAIL_CHARS = 1_000_000;

	private static final int MAX_FIELDS = 100;

	private final HttpCaptureSettings settings;

	private final JsonMapper json;

	private final Masking masking;

	RequestDetails(HttpCaptureSettings settings, JsonMapper json, Masking masking) {
		this.settings = settings;
		this.json = json;
		this.masking = masking;
	}

	/**
	 * What the detail is made of, copied from the request as far as it has been read:
	 * cheap enough for the request thread, and kept after the request object is recycled.
	 */
	RequestSnapshot snapshot(CapturedRequest captured) {
		HttpServletRequest request = captured.request();
		byte[] body = null;
		boolean unread = false;
		if (this.settings.includeBody() && captured.body() != null) {
			body = captured.body().getContentAsByteArray();
			unread = isUnread(captured.body(), body.length);
		}
		Map<String, String> pathParameters = new LinkedHashMap<>();
		if (this.settings.includePathParameters() && request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
			variables.forEach((name, value) -> pathParameters.put(String.valueOf(name), String.valueOf(value)));
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : this.settings.includeHeaders()) {
			if (this.settings.keepsHeader(name)) {
				List<String> values = Collections.list(request.getHeaders(name));
				if (!values.isEmpty()) {
					headers.put(name, masked(name, String.join(", ", values)));
				}
			}
		}
		return new RequestSnapshot(request.getContentType(), request.getContentLengthLong(), body, unread,
				this.settings.includeBody(), captured.parts(),
				this.settings.includeQuery() ? request.getQueryString() : null, pathParameters, headers);
	}

	/**
	 * Whether the application left the body unread, or read only its first bytes, as when
	 * it answers 415 after peeking at it: the bytes cached are then no body to record.
	 */
	private boolean isUnread(ContentCachingRequestWrapper body, int cached) {
		long declared = body.getContentLengthLong();
		if (declared <= 0 || cached >= Math.min(declared, (long) this.settings.maxBodyBytes() + 1)) {
			return false;
		}
		try {
			return !body.getInputStream().isFinished();
		}
		catch (IOException | RuntimeException ex) {
			// read through a reader, or no longer readable: it was read
			return false;
		}
	}

	/**
	 * The detail of a request: parsed, masked and cut, at most {@link #MAX_DETAIL_CHARS}
	 * long as JSON.
	 */
	Map<String, Object> describe(RequestSnapshot request) {
		Map<String, Object> detail = describeInFull(request);
		if (mayExceedTheColumn(request)) {
			return bounded(request, detail);
		}
		return detail;
	}

	private Map<String, Object> describeInFull(RequestSnapshot request) {
		Map<String, Object> detail = new LinkedHashMap<>();
		if (request.includeBody()) {
			body(request, detail);
		}
		if (request.queryString() != null) {
			Map<String, Object> query = fields(request.queryString(), StandardCharsets.UTF_8);
			if (!query.isEmpty()) {
				detail.put("query", query);
			}
		}
		if (!request.pathParameters().isEmpty()) {
			Map<String, Object> parameters = new LinkedHashMap<>();
			request.pathParameters().forEach((name, value) -> parameters.put(name, masked(name, value)));
			detail.put("pathParameters", parameters);
		}
		if (!request.headers().isEmpty()) {
			detail.put("headers", request.headers());
		}
		return detail;
	}

	private void body(RequestSnapshot request, Map<String, Object> detail) {
		String contentType = request.contentType();
		MediaType type = mediaType(contentType);
		if (type != null && "multipart".equalsIgnoreCase(type.getType())) {
			detail.put("bodyDescription", description(contentType, size(request, null), "multipart", request.parts()));
			return;
		}
		byte[] bytes = request.body();
		if (request.unread()) {
			detail.put("bodyDescription",
					description(contentType, size(request, bytes), "not read by the application", null));
			return;
		}
		if (bytes == null || bytes.length == 0) {
			return;
		}
		if (contentType != null && type == null) {
			detail.put("bodyDescription", description(contentType, size(request, bytes), "unknown content type", null));
			return;
		}
		if (type != null && !isTextual(type)) {
			detail.put("bodyDescription", description(contentType, size(request, bytes), "binary", null));
			return;
		}
		Charset charset = charset(type);
		if (charset == null) {
			detail.put("bodyDescription", description(contentType, size(request, bytes), "unknown charset", null));
			return;
		}
		int max = this.settings.maxBodyBytes();
		boolean truncated = bytes.length > max;
		int kept = truncated ? completeCharacters(bytes, max, charset) : bytes.length;
		String text = decode(bytes, kept, charset);
		if (text == null || hasControlCharacters(text)) {
			detail.put("bodyDescription",
					description(contentType, size(request, bytes), "not text in " + charset.name(), null));
			return;
		}
		if (truncated) {
			long total = request.contentLength();
			detail.put("body",
					maskText(text) + ((total > 0) ? "...[truncated: kept " + kept + " of " + total + " bytes]"
							: "...[truncated: kept the first " + kept + " bytes]"));
			return;
		}
		if (isForm(type)) {
			detail.put("body", fields(text, charset));
			return;
		}
		if (isJson(type) || (type == null && looksLikeJson(text))) {
			try {
				JsonNode tree = this.json.readTree(text);
				this.masking.mask(tree);
				detail.put("body", tree);
				return;
			}
			catch (JacksonException ex) {
				detail.put("body", maskText(text));
				detail.put("bodyMalformed", true);
				return;
			}
		}
		detail.put("body", maskText(text));
	}

	/** Fields of a query string or form body, masked, with repeated names as lists. */
	private Map<String, Object> fields(String encoded, Charset charset) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (String pair : encoded.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			if (fields.size() >= MAX_FIELDS) {
				fields.put("...", "more fields not kept");
				break;
			}
			int equals = pair.indexOf('=');
			String name = decodeField((equals >= 0) ? pair.substring(0, equals) : pair, charset);
			String value = (equals >= 0) ? masked(name, decodeField(pair.substring(equals + 1), charset)) : "";
			name = cut(name);
			Object previous = fields.get(name);
			if (previous == null) {
				fields.put(name, value);
			}
			else if (previous instanceof List<?> list) {
				@SuppressWarnings("unchecked")
				List<Object> values = (List<Object>) list;
				values.add(value);
			}
			else {
				fields.put(name, new ArrayList<>(List.of(previous, value)));
			}
		}
		return fields;
	}

	/**
	 * Whether the detail's JSON could be longer than the column, every character escaped.
	 */
	private static boolean mayExceedTheColumn(RequestSnapshot request) {
		long chars = (request.body() != null) ? request.body().length : 0;
		chars += (request.queryString() != null) ? request.queryString().length() : 0;
		for (Map.Entry<String, String> parameter : request.pathParameters().entrySet()) {
			chars += parameter.getKey().length() + parameter.getValue().length();
		}
		for (Map.Entry<String, String> header : request.headers().entrySet()) {
			chars += header.getKey().length() + header.getValue().length();
		}
		return chars * 6 + 4096 > MAX_DETAIL_CHARS;
	}

	/**
	 * The detail, without its body, or reduced to a marker, when its JSON is longer than
	 * the column.
	 */
	private Map<String, Object> bounded(RequestSnapshot request, Map<String, Object> detail) {
		int length = this.json.writeValueAsString(detail).length();
		if (length <= MAX_DETAIL_CHARS) {
			return detail;
		}
		String marker = "the detail took " + length + " characters, more than the " + MAX_DETAIL_CHARS
				+ " the log holds";
		Map<String, Object> withoutBody = new LinkedHashMap<>(detail);
		if (withoutBody.remove("body") != null) {
			withoutBody.remove("bodyMalformed");
			withoutBody.put("bodyDescription",
					description(request.contentType(), size(request, request.body()), "too large for the log", null));
			withoutBody.put("detailCut", marker + "; the body was left out");
			if (this.json.writeValueAsString(withoutBody).length() <= MAX_DETAIL_CHARS) {
				return withoutBody;
			}
		}
		Map<String, Object> cut = new LinkedHashMap<>();
		cut.put("detailCut", marker + "; it was left out");
		return cut;
	}

	private String masked(String name, String value) {
		return this.masking.value(name, cut(value));
	}

	private String maskText(String text) {
		return this.masking.maskText(text);
	}

	private static Map<String, Object> description(String contentType, Long size, String kind,
			List<Map<String, Object>> parts) {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("contentType", cut(contentType));
		if (size != null) {
			description.put("size", size);
		}
		description.put("kind", kind);
		if (parts != null) {
			description.put("parts", parts);
		}
		return description;
	}

	private static Long size(RequestSnapshot request, byte[] cached) {
		long length = request.contentLength();
		if (length >= 0) {
			return length;
		}
		return (cached != null) ? (long) cached.length : null;
	}

	private static MediaType mediaType(String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return null;
		}
		try {
			return MediaType.parseMediaType(contentType);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static Charset charset(MediaType type) {
		try {
			Charset charset = (type != null) ? type.getCharset() : null;
			return (charset != null) ? charset : StandardCharsets.UTF_8;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static boolean isJson(MediaType type) {
		return type != null && ("json".equalsIgnoreCase(type.getSubtype())
				|| type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
	}

	private static boolean isForm(MediaType type) {
		return type != null && MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type);
	}

	private static boolean isTextual(MediaType type) {
		String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
		return "text".equalsIgnoreCase(type.getType()) || isJson(type) || isForm(type) || subtype.equals("xml")
				|| subtype.endsWith("+xml") || subtype.equals("graphql") || subtype.equals("javascript");
	}

	private static boolean looksLikeJson(String text) {
		String trimmed = text.strip();
		return trimmed.startsWith("{") || trimmed.startsWith("[");
	}

	/**
	 * The number of leading bytes, at most {@code max}, that end on a whole UTF-8
	 * character.
	 */
	private static int completeCharacters(byte[] bytes, int max, Charset charset) {
		if (!StandardCharsets.UTF_8.equals(charset)) {
			return max;
		}
		for (int back = 1; back <= 3 && back <= max; back++) {
			int value = bytes[max - back] & 0xFF;
			if ((value & 0xC0) == 0x80) {
				continue;
			}
			int length = (value >= 0xF0) ? 4 : (value >= 0xE0) ? 3 : (value >= 0xC0) ? 2 : 1;
			return (length > back) ? max - back : max;
		}
		return max;
	}

	private static String decode(byte[] bytes, int length, Charset charset) {
		try {
			CharBuffer chars = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, 0, length));
			return chars.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static boolean hasControlCharacters(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
				return true;
			}
		}
		return false;
	}

	private static String decodeField(String value, Charset charset) {
		try {
			return URLDecoder.decode(value, charset);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	static String cut(String value) {
		if (value == null || value.length() <= MAX_VALUE_CHARS) {
			return value;
		}
		return value.substring(0, MAX_VALUE_CHARS) + "...[cut]";
	}

	/**
	 * A request's raw material for its detail.
	 *
	 * @param contentType the body's content type, or {@code null}
	 * @param contentLength the body's declared length, or -1
	 * @param body the body as far as it was read and cached, or {@code null}
	 * @param unread whether the application left the body unread or read only its first
	 * bytes
	 * @param includeBody whether the body is described
	 * @param parts the parts of a multipart body, or {@code null} when they were not read
	 * @param queryString the raw query string, or {@code null} when absent or not kept
	 * @param pathParameters the path parameters to keep
	 * @param headers the headers to keep, cut
	 */
	record RequestSnapshot(String contentType, long contentLength, byte[] body, boolean unread, boolean includeBody,
			List<Map<String, Object>> parts, String queryString, Map<String, String> pathParameters,
			Map<String, String> headers) {

	}

}
