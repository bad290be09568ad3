/**
 * The demo services and members created on start in the {@code demo} profile.
 */
package io.audittrail.sample.demo;
