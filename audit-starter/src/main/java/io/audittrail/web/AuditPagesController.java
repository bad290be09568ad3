package io.audittrail.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Serves the admin pages' HTML shell under the base path, and tells the pages who reads
 * them. The shell carries the base path (so links work under any path), the reader's CSRF
 * token, and nothing else: the pages load everything else through the JSON API.
 */
@RestController
class AuditPagesController {

	/**
	 * The page a signed-in reader without the view authority gets, in English and
	 * Japanese.
	 */
	private static final Map<String, Map<String, String>> FORBIDDEN = Map
		.of("en", Map.of("title", "You may not read the audit log", "text",
				"Your account does not have the permission to view the audit log. Ask an administrator to grant it.",
				"signedIn", "Signed in as {name}."), "ja",
				Map.of("title", "監査ログを閲覧する権限がありません", "text", "このアカウントには監査ログを閲覧する権限がありません。管理者に権限の付与を依頼してください。",
						"signedIn", "{name} としてログインしています。"));

	private final AuditAccess access;

	private final String shell;

	private final String forbidden;

	/**
	 * @param access who reads the pages and may revert which entry, the decision the JSON
	 * API asks too
	 */
	AuditPagesController(AuditAccess access) {
		this.access = access;
		this.shell = read("io/audittrail/web/ui/index.html");
		this.forbidden = read("io/audittrail/web/ui/forbidden.html");
	}

	@GetMapping(AuditApiEndpoint.BASE_PATH)
	ResponseEntity<Void> redirectToShell(HttpServletRequest request) {
		this.access.requireView();
		return ResponseEntity.status(302).header("Location", request.getRequestURI() + "/").build();
	}

	@GetMapping({ AuditApiEndpoint.BASE_PATH + "/", AuditApiEndpoint.BASE_PATH + "/index.html" })
	ResponseEntity<String> shell(HttpServletRequest request) {
		this.access.requireView();
		String uri = request.getRequestURI();
		String base = uri.substring(0, uri.lastIndexOf('/') + 1);
		AuditAccess.CsrfValue csrf = this.access.csrf(request);
		String html = this.shell.replace("{{base}}", HtmlUtils.htmlEscape(base))
			.replace("{{csrfHeader}}", (csrf != null) ? HtmlUtils.htmlEscape(csrf.headerName()) : "")
			.replace("{{csrfToken}}", (csrf != null) ? HtmlUtils.htmlEscape(csrf.token()) : "");
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.header("Content-Security-Policy",
					"default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'")
			.body(html);
	}

	@GetMapping(path = AuditApiEndpoint.PATH + "/me", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> me(@RequestParam(name = "event", required = false) String event) {
		ReaderRights reader = this.access.requireView();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", reader.name());
		// for one entry, exactly what the revert endpoint decides
		body.put("canRevert", (event != null) ? this.access.mayRevert(event) : reader.canRevert());
		return body;
	}

	/**
	 * A reader without the view authority: a page that says so for browsers, a problem
	 * detail for the API. A reader who is not signed in is left to the framework, which
	 * asks them to sign in.
	 */
	@ExceptionHandler
	ResponseEntity<?> notAllowed(AuditAccessException ex, HttpServletRequest request) {
		if (ex.getStatus() != HttpStatus.FORBIDDEN) {
			throw ex;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (request.getRequestURI().contains("/api/") || accept == null || !accept.contains("text/html")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
			problem.setTitle("Forbidden");
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		Locale match = Locale.lookup(languages(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)),
				FORBIDDEN.keySet().stream().map(Locale::forLanguageTag).toList());
		String language = (match != null) ? match.getLanguage() : "en";
		Map<String, String> text = FORBIDDEN.get(language);
		String name = (request.getUserPrincipal() != null) ? request.getUserPrincipal().getName() : "";
		String html = this.forbidden.replace("{{lang}}", language)
			.replace("{{title}}", HtmlUtils.htmlEscape(text.get("title")))
			.replace("{{text}}", HtmlUtils.htmlEscape(text.get("text")))
			.replace("{{signedIn}}", HtmlUtils.htmlEscape(text.get("signedIn").replace("{name}", name)));
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.body(html);
	}

	private static List<Locale.LanguageRange> languages(String header) {
		try {
			return (header != null && !header.isBlank()) ? Locale.LanguageRange.parse(header) : List.of();
		}
		catch (IllegalArgumentException ex) {
			return List.of();
		}
	}

	private static String read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the admin pages' shell " + path, ex);
		}
	}

}
