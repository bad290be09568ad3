package io.audittrail.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Matches when the audit log's API can be protected (Spring Security is on the classpath)
 * or when serving it unprotected is explicitly allowed; warns when the API stays off for
 * lack of both.
 */
final class OnWebAccessCondition extends SpringBootCondition {

	private static final Log logger = LogFactory.getLog(OnWebAccessCondition.class);

	static final String SECURITY_CLASS = "org.springframework.security.core.context.SecurityContextHolder";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		if (ClassUtils.isPresent(SECURITY_CLASS, context.getClassLoader())) {
			return ConditionOutcome.match("Spring Security is on the classpath");
		}
		if (context.getEnvironment().getProperty("audit.web.allow-without-security", Boolean.class, false)) {
			return ConditionOutcome.match("audit.web.allow-without-security is true");
		}
		logger.warn("The audit log's JSON API is off: Spring Security is not on the classpath, so it could not be "
				+ "protected. Add Spring Security, or set audit.web.allow-without-security=true for development.");
		return ConditionOutcome
			.noMatch("Spring Security is not on the classpath and audit.web.allow-without-security is not true");
	}

}
