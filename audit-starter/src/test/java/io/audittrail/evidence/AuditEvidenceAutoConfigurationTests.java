package io.audittrail.evidence;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.audittrail.store.SignedCheckpoint;
import io.audittrail.verifier.Merkle;

import static org.assertj.core.api.Assertions.assertThat;

class AuditEvidenceAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuditEvidenceAutoConfiguration.class));

	@TempDir
	Path directory;

	@Test
	void signsNothingWhenSwitchedOff() {
		this.runner.withPropertyValues("audit.integrity.signing.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(SigningKeys.class)
				.doesNotHaveBean(CheckpointSigner.class)
				.doesNotHaveBean(CheckpointPublisher.class));
	}

	@Test
	void signsByDefault() {
		this.runner.withPropertyValues("audit.integrity.signing.directory=" + this.directory.resolve("keys"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(SigningKeys.class)
				.hasSingleBean(CheckpointSigner.class));
		assertThat(this.directory.resolve("keys").resolve(SigningKeys.GENERATED_KEY)).exists();
	}

	@Test
	void generatesAKeyInTheConfiguredDirectoryAndSignsCheckpoints() {
		this.runner
			.withPropertyValues("audit.integrity.signing.enabled=true",
					"audit.integrity.signing.directory=" + this.directory.resolve("keys"),
					"audit.integrity.log-name=cms.example/audit")
			.run((context) -> {
				assertThat(context).hasSingleBean(SigningKeys.class).hasSingleBean(CheckpointPublisher.class);
				assertThat(this.directory.resolve("keys").resolve(SigningKeys.GENERATED_KEY)).exists();
				SigningKeys keys = context.getBean(SigningKeys.class);
				assertThat(keys.current().name()).isEqualTo("cms.example/audit");
				SignedCheckpoint checkpoint = context.getBean(CheckpointSigner.class)
					.sign("demo", 0, Merkle.emptyRoot());
				assertThat(checkpoint.note()).startsWith("cms.example/audit/tenant/demo\n0\n");
			});
	}

	@Test
	void publishesToTheConfiguredDirectory() {
		Path published = this.directory.resolve("published");
		this.runner
			.withPropertyValues("audit.integrity.signing.enabled=true",
					"audit.integrity.signing.directory=" + this.directory.resolve("keys"),
					"audit.integrity.signing.key-name=signer.example", "audit.integrity.publish.directory=" + published)
			.run((context) -> {
				SignedCheckpoint checkpoint = context.getBean(CheckpointSigner.class).sign(null, 0, Merkle.emptyRoot());
				context.getBean(CheckpointPublisher.class).publish(checkpoint);
				assertThat(published.resolve("system").resolve("0.note")).hasContent(checkpoint.note());
				assertThat(checkpoint.note()).startsWith("audit-trail/system\n").contains("\u2014 signer.example ");
			});
	}

	@Test
	void backsOffWhenUserDefinesThePublisher() {
		CheckpointPublisher custom = (checkpoint) -> {
		};
		this.runner
			.withPropertyValues("audit.integrity.signing.enabled=true",
					"audit.integrity.signing.directory=" + this.directory.resolve("keys"),
					"audit.integrity.publish.directory=" + this.directory.resolve("published"))
			.withBean(CheckpointPublisher.class, () -> custom)
			.run((context) -> assertThat(context).getBean(CheckpointPublisher.class).isSameAs(custom));
	}

	@Test
	void switchesOffWithIntegrity() {
		this.runner.withPropertyValues("audit.integrity.enabled=false", "audit.integrity.signing.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(SigningKeys.class));
	}

}
