package io.audittrail.autoconfigure;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

import io.audittrail.core.AuditConfigurationException;

/**
 * Explains start-up failures caused by a bad {@code @Audited} annotation, catalog file,
 * Envers mapping or checkpoint signing key.
 */
final class AuditFailureAnalyzer implements FailureAnalyzer {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof AuditConfigurationException ex) {
				return new FailureAnalysis(ex.getMessage(), ex.getAction(), ex);
			}
		}
		return null;
	}

}
