/**
 * The admin pages: an HTML shell and static JavaScript modules served under the base
 * path, and what the pages need to know about their reader, from the access decision the
 * JSON API asks too.
 */
package io.audittrail.web.ui;
