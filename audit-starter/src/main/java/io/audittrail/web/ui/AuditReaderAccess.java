package io.audittrail.web.ui;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides who reads the admin pages and what they may do. Implementations are thread-safe.
 */
@FunctionalInterface
public interface AuditReaderAccess {

	/**
	 * Returns the reader of the request, after checking that they may view the audit log.
	 * @param request the current request
	 * @return the reader
	 * @throws RuntimeException (a framework-specific access-denied exception) when the reader may not
	 * view the audit log
	 */
	AuditReader requireViewer(HttpServletRequest request);

	/**
	 * Access for applications without Spring Security that chose to open the log to anyone: every
	 * reader may view, nobody may revert.
	 * @return open access
	 */
	static AuditReaderAccess open() {
		return (request) -> new AuditReader("anonymous", false, null);
	}

}
