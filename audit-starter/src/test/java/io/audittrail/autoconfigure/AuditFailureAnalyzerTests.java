package io.audittrail.autoconfigure;

import static io.audittrail.StarterAutoConfigurations.auditAutoConfiguration;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class AuditFailureAnalyzerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(auditAutoConfiguration("AuditEvidenceAutoConfiguration")));

	@TempDir
	Path directory;

	@Test
	void badSigningKeyFailsTheStartNamingTheProperty() throws Exception {
		Path bad = Files.writeString(this.directory.resolve("bad.pem"),
				"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
		this.runner
			.withPropertyValues("audit.integrity.signing.enabled=true",
					"audit.integrity.signing.directory=" + this.directory.resolve("keys"),
					"audit.integrity.signing.private-key=" + bad)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new AuditFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.isEqualTo("audit.integrity.signing.private-key: " + bad + " does not hold an Ed25519 private key");
				assertThat(analysis.getAction()).contains("Fix the audit.integrity.signing property");
			});
	}

}
