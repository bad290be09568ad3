package io.audittrail.web.ui;

/**
 * The reader of the admin pages, as the pages need to know them.
 *
 * @param name the reader's display name
 * @param canRevert whether the reader holds the revert authority
 * @param csrf the CSRF token the pages send with changes, or {@code null} when there is none
 */
public record AuditReader(String name, boolean canRevert, CsrfValue csrf) {

	/**
	 * A CSRF token and the request header that carries it.
	 *
	 * @param headerName the header to send the token in
	 * @param token the token
	 */
	public record CsrfValue(String headerName, String token) {
	}

}
