/**
 * The JSON endpoint that verifies the hash chains.
 */
package io.audittrail.integrity.web;
