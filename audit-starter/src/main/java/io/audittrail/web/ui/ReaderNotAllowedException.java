package io.audittrail.web.ui;

/**
 * Thrown when a signed-in reader lacks the authority to view the audit log: the pages answer 403
 * with a page that says so, the API with a problem detail.
 */
public class ReaderNotAllowedException extends RuntimeException {

	public ReaderNotAllowedException(String message) {
		super(message);
	}

}
