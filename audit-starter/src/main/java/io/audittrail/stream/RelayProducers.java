package io.audittrail.stream;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * The relay's producers: Spring Boot's producer settings, made idempotent and
 * acknowledged by every in-sync replica whatever they say, never transactional.
 */
final class RelayProducers {

	private RelayProducers() {
	}

	static DefaultKafkaProducerFactory<String, String> of(KafkaProperties kafka) {
		Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
		producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		producer.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "audit-stream");
		return new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new StringSerializer());
	}

}
