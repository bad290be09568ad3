/**
 * Spring Security defaults of the starter's SPIs: who the actor of a call is.
 */
package io.audittrail.security;
