package io.audittrail.capture.http;

import java.io.IOException;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Captures requests to record. Runs before the security filters, so that requests they
 * reject are recorded with their status too, and hands the request on with its body
 * cached as the application reads it, unchanged.
 */
final class HttpCaptureFilter extends OncePerRequestFilter {

	private final HttpRequestRecorder recorder;

	HttpCaptureFilter(HttpRequestRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.recorder.captures(request)) {
			chain.doFilter(request, response);
			return;
		}
		HttpServletRequest captured = this.recorder.start(request);
		try {
			chain.doFilter(captured, new CallerIdentifyingResponse(response, captured));
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			this.recorder.complete(captured, response.isCommitted() ? response.getStatus() : 500, ex);
			throw ex;
		}
		if (captured.isAsyncStarted()) {
			captured.getAsyncContext().addListener(new Completion(captured, response));
		}
		else {
			this.recorder.complete(captured, response.getStatus(), null);
		}
	}

	/**
	 * Takes who made the request when a status is set, while the security context still
	 * holds the caller, as when the security filters deny access.
	 */
	private final class CallerIdentifyingResponse extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		CallerIdentifyingResponse(HttpServletResponse response, HttpServletRequest request) {
			super(response);
			this.request = request;
		}

		@Override
		public void setStatus(int status) {
			identify();
			super.setStatus(status);
		}

		@Override
		public void sendError(int status) throws IOException {
			identify();
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			identify();
			super.sendError(status, message);
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			identify();
			super.sendRedirect(location);
		}

		private void identify() {
			try {
				HttpCaptureFilter.this.recorder.identifyCaller(this.request);
			}
			catch (RuntimeException ex) {
				// The caller is then taken when the request completes.
			}
		}

	}

	private final class Completion implements AsyncListener {

		private final HttpServletRequest request;

		private final HttpServletResponse response;

		Completion(HttpServletRequest request, HttpServletResponse response) {
			this.request = request;
			this.response = response;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			HttpCaptureFilter.this.recorder.complete(this.request, this.response.getStatus(), event.getThrowable());
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

	}

}
