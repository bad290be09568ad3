package io.audittrail.sample.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

import io.audittrail.sample.schema.ApiKeys;
import io.audittrail.sample.service.CurrentTenant;

/**
 * Authenticates Content and Management API requests by their {@code X-API-KEY} header; a
 * missing or unknown key is answered with 401.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	static final String HEADER = "X-API-KEY";

	private final ApiKeys apiKeys;

	private final JsonMapper json;

	ApiKeyAuthenticationFilter(ApiKeys apiKeys, JsonMapper json) {
		this.apiKeys = apiKeys;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String secret = request.getHeader(HEADER);
		if (secret == null || secret.isBlank()) {
			reject(response, "The X-API-KEY header is missing");
			return;
		}
		var key = this.apiKeys.authenticate(secret);
		if (key.isEmpty()) {
			reject(response, "The X-API-KEY header does not hold a valid API key");
			return;
		}
		if (!key.get().apiKey().writeAllowed && !isRead(request)) {
			problem(response, HttpStatus.FORBIDDEN, "The API key '" + key.get().apiKey().name + "' may only read");
			return;
		}
		ApiKeyAuthentication authentication = new ApiKeyAuthentication(key.get().apiKey().id, key.get().apiKey().name,
				key.get().serviceId());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		CurrentTenant.set(authentication.serviceId());
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static boolean isRead(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
	}

	private void reject(HttpServletResponse response, String detail) throws IOException {
		problem(response, HttpStatus.UNAUTHORIZED, detail);
	}

	private void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
