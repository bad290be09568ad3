/**
 * Authentication of members (login page, JWT) and API keys, and the per-service
 * authorities and tenant of each request.
 */
package io.audittrail.sample.security;
