package io.audittrail.stream;

import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import io.audittrail.autoconfigure.AuditProperties;
import io.audittrail.catalog.OperationCatalog;
import io.audittrail.store.ChainStore;
import io.audittrail.store.SealedEventSource;
import io.audittrail.store.StreamPositions;
import io.audittrail.web.EventJson;

/**
 * Auto-configuration of the Kafka relay, when {@code audit.stream.kafka.enabled=true} and
 * Spring for Apache Kafka is on the class path: its own idempotent producer
 * ({@code acks=all}) built from {@code spring.kafka.*}, the ports it reads and keeps
 * positions through, and its schedule.
 */
@AutoConfiguration(afterName = { "io.audittrail.capture.AuditAutoConfiguration",
		"io.audittrail.store.AuditStoreAutoConfiguration", "io.audittrail.integrity.AuditIntegrityAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
@ConditionalOnClass({ KafkaTemplate.class, KafkaProperties.class })
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("audit.stream.kafka.enabled")
@ConditionalOnBean({ DataSource.class, OperationCatalog.class })
@EnableConfigurationProperties(AuditProperties.class)
final class AuditStreamAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SealedEventSource auditSealedEventSource(ChainStore chains) {
		return SealedEventSource.of(chains, JsonMapper.builder().build());
	}

	@Bean
	@ConditionalOnMissingBean
	StreamPositions auditStreamPositions(DataSource dataSource) {
		return StreamPositions.jdbc(dataSource, Clock.systemUTC());
	}

	@Bean
	StreamSchedule auditStreamSchedule(SealedEventSource source, StreamPositions positions, OperationCatalog catalog,
			AuditProperties properties, ObjectProvider<KafkaProperties> kafkaProperties,
			ObjectProvider<MeterRegistry> meters, Environment environment) {
		AuditProperties.Kafka settings = properties.getStream().getKafka();
		DefaultKafkaProducerFactory<String, String> producers = RelayProducers
			.of(kafkaProperties.getIfAvailable(KafkaProperties::new));
		EventRecords records = new EventRecords(settings.getTopic(), settings.getFormat(), new EventJson(catalog),
				JsonMapper.builder().build(), environment.getProperty("spring.application.name", "application"));
		KafkaRelay relay = new KafkaRelay(source, positions, new KafkaTemplate<>(producers), producers::reset, records,
				settings.getTopic(), settings.getBatchSize(), settings.getSendTimeout(),
				new StreamMetrics(meters.getIfUnique(), settings.getTopic()));
		return new StreamSchedule(relay, settings.getInterval(), producers::destroy);
	}

}
