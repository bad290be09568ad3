package io.audittrail.capture.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Takes who makes a captured request just before its handler runs, when the security
 * context holds the caller and the path variables are known, and describes multipart
 * parts before they are cleaned up.
 */
final class HttpCaptureInterceptor implements HandlerInterceptor {

	private final HttpRequestRecorder recorder;

	HttpCaptureInterceptor(HttpRequestRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		this.recorder.identifyCaller(request);
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		this.recorder.handled(request);
	}

}
