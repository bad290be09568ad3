package io.audittrail.capture.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Which requests are captured and what of them is kept. Built once at start-up; a bad
 * pattern or size fails the start-up with the property's name.
 *
 * @param methods the HTTP methods to record, upper case
 * @param includePaths patterns of the paths to record; empty means every path
 * @param excludePaths patterns of paths never recorded
 * @param includeHeaders the names of the headers to keep, lower case
 * @param neverRecordedHeaders the names of headers never kept even when listed, lower
 * case
 * @param maxBodyBytes the number of body bytes kept, more is cut with a marker
 * @param includeBody whether the body is kept
 * @param includeQuery whether the query parameters are kept
 * @param includePathParameters whether the path parameters are kept
 */
record HttpCaptureSettings(Set<String> methods, List<PathPattern> includePaths, List<PathPattern> excludePaths,
		Set<String> includeHeaders, Set<String> neverRecordedHeaders, int maxBodyBytes, boolean includeBody,
		boolean includeQuery, boolean includePathParameters) {

	/** Headers that carry credentials, never kept. */
	public static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
			"set-cookie", "cookie2", "set-cookie2");

	/**
	 * The largest {@code max-body-bytes}: a body kept whole, every character escaped in
	 * JSON, still fits the request detail column (1,000,000 characters on H2).
	 */
	static final int LARGEST_BODY = 400 * 1024;

	HttpCaptureSettings {
		methods = Set.copyOf(methods);
		includePaths = List.copyOf(includePaths);
		excludePaths = List.copyOf(excludePaths);
		includeHeaders = Set.copyOf(includeHeaders);
		neverRecordedHeaders = Set.copyOf(neverRecordedHeaders);
		if (maxBodyBytes < 0 || maxBodyBytes > LARGEST_BODY) {
			throw tooLarge(maxBodyBytes);
		}
	}

	/**
	 * Settings from property values, the way {@code audit.http.*} gives them.
	 * @param auditBasePath the path of the audit log's own API and pages, never recorded
	 * @param apiKeyHeaders headers that carry API keys, never kept
	 */
	public static HttpCaptureSettings of(Collection<String> methods, Collection<String> includePaths,
			Collection<String> excludePaths, String auditBasePath, Collection<String> includeHeaders,
			Collection<String> apiKeyHeaders, long maxBodyBytes, boolean includeBody, boolean includeQuery,
			boolean includePathParameters) {
		List<PathPattern> excluded = new ArrayList<>(patterns("audit.http.exclude-paths", excludePaths));
		if (auditBasePath != null && !auditBasePath.isBlank()) {
			String base = auditBasePath.endsWith("/") ? auditBasePath.substring(0, auditBasePath.length() - 1)
					: auditBasePath;
			excluded.addAll(patterns("audit.web.base-path", List.of(base, base + "/**")));
		}
		Set<String> neverRecorded = new TreeSet<>(CREDENTIAL_HEADERS);
		neverRecorded.addAll(lowerCase(apiKeyHeaders));
		if (maxBodyBytes > LARGEST_BODY) {
			throw tooLarge(maxBodyBytes);
		}
		Set<String> upperMethods = new TreeSet<>();
		methods.forEach((method) -> upperMethods.add(method.trim().toUpperCase(Locale.ROOT)));
		return new HttpCaptureSettings(upperMethods, patterns("audit.http.include-paths", includePaths), excluded,
				lowerCase(includeHeaders), neverRecorded, (int) maxBodyBytes, includeBody, includeQuery,
				includePathParameters);
	}

	/**
	 * Whether the request is one to record: its method is listed and its path included,
	 * not excluded.
	 */
	public boolean captures(HttpServletRequest request) {
		if (!this.methods.contains(request.getMethod())) {
			return false;
		}
		String path = request.getRequestURI();
		String contextPath = request.getContextPath();
		if (contextPath != null && !contextPath.isEmpty() && path.startsWith(contextPath)) {
			path = path.substring(contextPath.length());
		}
		PathContainer container = PathContainer.parsePath(path.isEmpty() ? "/" : path);
		for (PathPattern pattern : this.excludePaths) {
			if (pattern.matches(container)) {
				return false;
			}
		}
		if (this.includePaths.isEmpty()) {
			return true;
		}
		for (PathPattern pattern : this.includePaths) {
			if (pattern.matches(container)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the header's value may be kept. */
	public boolean keepsHeader(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return this.includeHeaders.contains(lower) && !this.neverRecordedHeaders.contains(lower);
	}

	private static IllegalArgumentException tooLarge(long maxBodyBytes) {
		return new IllegalArgumentException("audit.http.max-body-bytes must be between 0 and " + LARGEST_BODY
				+ " bytes (400KB), so that a body fits the request detail column, but is " + maxBodyBytes + " bytes");
	}

	private static List<PathPattern> patterns(String property, Collection<String> values) {
		List<PathPattern> patterns = new ArrayList<>();
		for (String value : values) {
			try {
				patterns.add(PathPatternParser.defaultInstance.parse(value.trim()));
			}
			catch (PatternParseException ex) {
				throw new IllegalArgumentException(
						property + ": '" + value + "' is not a valid path pattern: " + ex.getMessage());
			}
		}
		return patterns;
	}

	private static Set<String> lowerCase(Collection<String> values) {
		Set<String> lower = new TreeSet<>();
		values.forEach((value) -> lower.add(value.trim().toLowerCase(Locale.ROOT)));
		return lower;
	}

}
