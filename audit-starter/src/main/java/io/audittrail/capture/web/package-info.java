/**
 * Capturing where calls come from in servlet applications: client address and request id.
 */
package io.audittrail.capture.web;
