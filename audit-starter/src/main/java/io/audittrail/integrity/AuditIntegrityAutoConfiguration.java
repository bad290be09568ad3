package io.audittrail.integrity;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.audittrail.autoconfigure.AuditProperties;
import io.audittrail.store.ChainStore;

/**
 * Auto-configuration of the hash chains: the sealer that links committed events, its
 * schedule, the verification bean.
 */
@AutoConfiguration(afterName = "io.audittrail.store.AuditStoreAutoConfiguration")
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "audit.integrity.enabled", matchIfMissing = true)
@ConditionalOnBean(ChainStore.class)
@EnableConfigurationProperties(AuditProperties.class)
final class AuditIntegrityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChainSealer auditChainSealer(ChainStore store, AuditProperties properties) {
		return new ChainSealer(store, properties.getIntegrity().getSealBatchSize(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	SealingSchedule auditSealingSchedule(ChainSealer sealer, AuditProperties properties) {
		return new SealingSchedule(sealer, properties.getIntegrity().getSealInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	AuditIntegrity auditIntegrity(ChainStore store, AuditProperties properties) {
		return new AuditIntegrity(store, properties.getIntegrity().getFullVerificationInterval(), Clock.systemUTC());
	}

}
