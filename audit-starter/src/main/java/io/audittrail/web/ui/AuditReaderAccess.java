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
	 * @throws ReaderNotAllowedException when a signed-in reader may not view the audit log (a reader
	 * who is not signed in gets the framework's own exception, which asks them to sign in)
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
