package io.audittrail.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Marks a controller of the audit log's JSON API: mapped under
 * {@code audit.web.base-path} followed by {@code /api}, its errors answered as problem
 * details by {@link AuditProblemHandler}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
@RequestMapping(AuditApiEndpoint.PATH)
@interface AuditApiEndpoint {

	/**
	 * The base path of the audit log's pages and API, {@code audit.web.base-path}, as a
	 * mapping placeholder.
	 */
	String BASE_PATH = "${audit.web.base-path:/audit}";

	/** The path of the JSON API under the base path. */
	String PATH = BASE_PATH + "/api";

}
