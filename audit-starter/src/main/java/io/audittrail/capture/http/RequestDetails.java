package io.audittrail.capture.http;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Turns a captured request into the {@code detail} of its request part: the body, query and path
 * parameters and selected headers, as far as the settings ask for them. Secrets never get through:
 * credential headers are skipped, masked fields are replaced at any depth of a JSON body, in form
 * bodies, the query and path parameters, and by a conservative pattern in bodies that cannot be
 * parsed. Binary and multipart bodies are described, not kept. Thread-safe.
 */
final class RequestDetails {

	/** What a masked value is replaced with. */
	static final String MASK = "***";

	static final int MAX_VALUE_CHARS = 1024;

	private static final int MAX_FIELDS = 100;

	private final HttpCaptureSettings settings;

	private final JsonMapper json;

	private final List<TextMask> textMasks;

	RequestDetails(HttpCaptureSettings settings, JsonMapper json) {
		this.settings = settings;
		this.json = json;
		this.textMasks = textMasks(settings);
	}

	/**
	 * What the detail is made of, copied from the request as far as it has been read: cheap enough
	 * for the request thread, and kept after the request object is recycled.
	 */
	RequestSnapshot snapshot(CapturedRequest captured) {
		HttpServletRequest request = captured.request();
		byte[] body = null;
		if (this.settings.includeBody() && captured.body() != null) {
			body = captured.body().getContentAsByteArray();
		}
		Map<String, String> pathParameters = new LinkedHashMap<>();
		if (this.settings.includePathParameters()
				&& request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
			variables.forEach((name, value) -> pathParameters.put(String.valueOf(name), String.valueOf(value)));
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : this.settings.includeHeaders()) {
			if (this.settings.keepsHeader(name)) {
				List<String> values = Collections.list(request.getHeaders(name));
				if (!values.isEmpty()) {
					headers.put(name, cut(String.join(", ", values)));
				}
			}
		}
		return new RequestSnapshot(request.getContentType(), request.getContentLengthLong(), body,
				this.settings.includeBody(), captured.parts(),
				this.settings.includeQuery() ? request.getQueryString() : null, pathParameters, headers);
	}

	/** The detail of a request: parsed, masked and cut. */
	Map<String, Object> describe(RequestSnapshot request) {
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
			detail.put("bodyDescription", description(contentType, size(request, bytes), "not text in " + charset.name(), null));
			return;
		}
		if (truncated) {
			long total = request.contentLength();
			detail.put("body", maskText(text) + ((total > 0) ? "...[truncated: kept " + kept + " of " + total + " bytes]"
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
				mask(tree);
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

	private String masked(String name, String value) {
		return this.settings.masks(name) ? MASK : cut(value);
	}

	private void mask(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (String name : new ArrayList<>(object.propertyNames())) {
				if (this.settings.masks(name)) {
					object.put(name, MASK);
				}
				else {
					mask(object.get(name));
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (JsonNode element : array) {
				mask(element);
			}
		}
	}

	/** Masks the values of masked fields in text that could not be parsed: JSON members, form fields, XML elements. */
	String maskText(String text) {
		String masked = text;
		for (TextMask mask : this.textMasks) {
			masked = mask.pattern().matcher(masked)
				.replaceAll((match) -> Matcher.quoteReplacement(match.group(1) + mask.replacement()));
		}
		return masked;
	}

	private static List<TextMask> textMasks(HttpCaptureSettings settings) {
		if (settings.maskFields().isEmpty()) {
			return List.of();
		}
		String names = settings.maskFields().stream().map(Pattern::quote).collect(Collectors.joining("|"));
		int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
		return List.of(
				// "name" : "value" (possibly cut short), or "name" : scalar
				new TextMask(Pattern.compile("(\"(?:" + names + ")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"?|[^,}\\]\\s]+)", flags),
						"\"" + MASK + "\""),
				// name=value in form-like text
				new TextMask(Pattern.compile("((?:^|(?<=[&?;\\s]))(?:" + names + ")=)([^&\\s]*)", flags), MASK),
				// <name>value</name>
				new TextMask(Pattern.compile("(<(?:" + names + ")>)([^<]*)", flags), MASK));
	}

	private record TextMask(Pattern pattern, String replacement) {

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

	/** The number of leading bytes, at most {@code max}, that end on a whole UTF-8 character. */
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
	 * @param includeBody whether the body is described
	 * @param parts the parts of a multipart body, or {@code null} when they were not read
	 * @param queryString the raw query string, or {@code null} when absent or not kept
	 * @param pathParameters the path parameters to keep
	 * @param headers the headers to keep, cut
	 */
	record RequestSnapshot(String contentType, long contentLength, byte[] body, boolean includeBody,
			List<Map<String, Object>> parts, String queryString, Map<String, String> pathParameters,
			Map<String, String> headers) {

	}

}
