/**
 * Capturing where calls come from in servlet applications: client address and request id,
 * and its auto-configuration.
 */
package io.audittrail.capture.web;
