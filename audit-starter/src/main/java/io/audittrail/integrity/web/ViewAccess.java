package io.audittrail.integrity.web;

import org.springframework.http.HttpStatus;

/**
 * Decides whether the current caller may read the audit log. Thread-safe.
 */
@FunctionalInterface
public interface ViewAccess {

	/** {@code null} when the caller may read; otherwise the status to refuse with (401 or 403). */
	HttpStatus refusal();

	/** Lets everyone read, for applications that explicitly allow the log without security. */
	static ViewAccess everyone() {
		return () -> null;
	}

}
