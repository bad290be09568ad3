package io.audittrail.evidence;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.audittrail.autoconfigure.AuditProperties;
import io.audittrail.store.ChainStore;
import io.audittrail.store.ChainTrees;
import io.audittrail.store.CheckpointStore;
import io.audittrail.store.RetentionStore;

/**
 * Auto-configuration of the evidence an outside auditor can check: the checkpoint signing
 * key, the checkpoint signer, the checkpoint publisher, and, over the chains' storage,
 * the issuer of the chains' checkpoints and its schedule. Off with
 * {@code audit.integrity.signing.enabled=false}.
 */
@AutoConfiguration(afterName = "io.audittrail.integrity.AuditIntegrityAutoConfiguration")
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "audit.integrity.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "audit.integrity.signing.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditProperties.class)
final class AuditEvidenceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SigningKeys auditSigningKeys(AuditProperties properties) {
		AuditProperties.Integrity integrity = properties.getIntegrity();
		AuditProperties.Integrity.Signing signing = integrity.getSigning();
		String keyName = (signing.getKeyName() != null) ? signing.getKeyName() : integrity.getLogName();
		return SigningKeys.load(new SigningKeys.Settings(keyName, signing.getPrivateKey(), signing.getKeystore(),
				signing.getKeystoreType(), signing.getKeystorePassword(), signing.getKeyAlias(),
				signing.getKeyPassword(), signing.getDirectory(), signing.getRetiredKeys()));
	}

	@Bean
	@ConditionalOnMissingBean
	CheckpointSigner auditCheckpointSigner(SigningKeys keys, AuditProperties properties) {
		return new CheckpointSigner(keys, properties.getIntegrity().getLogName(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("audit.integrity.publish.directory")
	CheckpointPublisher auditDirectoryCheckpointPublisher(AuditProperties properties) {
		return CheckpointPublisher.toDirectory(properties.getIntegrity().getPublish().getDirectory());
	}

	@Bean
	@ConditionalOnMissingBean
	CheckpointPublisher auditCheckpointPublisher() {
		return CheckpointPublisher.none();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ ChainTrees.class, CheckpointStore.class })
	CheckpointIssuer auditCheckpointIssuer(ChainTrees trees, CheckpointSigner signer, CheckpointStore store,
			CheckpointPublisher publisher) {
		return new CheckpointIssuer(trees, signer, store, publisher);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ CheckpointIssuer.class, ChainStore.class })
	CheckpointSchedule auditCheckpointSchedule(CheckpointIssuer issuer, ChainStore chains, AuditProperties properties) {
		return new CheckpointSchedule(issuer, chains, properties.getIntegrity().getCheckpointInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ CheckpointSchedule.class, CheckpointStore.class, ChainTrees.class, RetentionStore.class })
	AuditEvidence auditEvidence(CheckpointSchedule issuing, SigningKeys keys, CheckpointStore checkpoints,
			ChainTrees trees, ChainStore chains, RetentionStore retention) {
		return new AuditEvidence(issuing, keys, checkpoints, trees, chains, retention);
	}

}
