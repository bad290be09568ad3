package io.audittrail.autoconfigure;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

import io.audittrail.capture.AuditConfigurationException;
import io.audittrail.catalog.CatalogException;
import io.audittrail.evidence.SigningKeyException;

/**
 * Explains start-up failures caused by a bad {@code @Audited} annotation, catalog file, Envers
 * mapping or checkpoint signing key.
 */
final class AuditFailureAnalyzer implements FailureAnalyzer {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof AuditConfigurationException) {
				return new FailureAnalysis(cause.getMessage(),
						"Fix what the message names: use an operation id from the audit catalog (audit/operations.yml) "
								+ "or add the operation there, correct the expression, or complete the Envers mapping "
								+ "and tables as shown.",
						cause);
			}
			if (cause instanceof SigningKeyException) {
				return new FailureAnalysis(cause.getMessage(),
						"Fix the audit.integrity.signing property or the key file named above, or unset "
								+ "audit.integrity.signing.private-key and audit.integrity.signing.keystore to use a generated key.",
						cause);
			}
			if (cause instanceof CatalogException) {
				return new FailureAnalysis(cause.getMessage(), "Correct the audit catalog file named above.", cause);
			}
		}
		return null;
	}

}
