package io.audittrail.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import kafka.server.BrokerServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.core.StreamFormat;
import io.audittrail.integrity.StreamedEventHashes;
import io.audittrail.store.SealedEventSource;
import io.audittrail.store.StreamPositions;
import io.audittrail.testapp.ArticleService;
import io.audittrail.testapp.TestApplication;
import io.audittrail.web.EventJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay against a real Kafka broker (Spring for Apache Kafka's embedded KRaft broker)
 * that the tests stop and start again, as Kafka's own cluster tests do. One application
 * context and one broker serve every test, in order: what is published before the outage,
 * the other formats, the outage.
 */
@SpringBootTest(classes = TestApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:audit-stream;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000",
				"audit.integrity.seal-interval=50ms", "audit.retention.cron=-", "spring.application.name=cms",
				"audit.stream.kafka.enabled=true", "audit.stream.kafka.interval=100ms",
				"audit.stream.kafka.send-timeout=10s", "audit.stream.kafka.batch-size=200",
				"spring.kafka.producer.properties.max.block.ms=2000",
				"spring.kafka.producer.properties.request.timeout.ms=2000",
				"spring.kafka.producer.properties.delivery.timeout.ms=5000",
				"spring.kafka.producer.properties.reconnect.backoff.max.ms=500" })
@Import(KafkaStreamIntegrationTests.Meters.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class KafkaStreamIntegrationTests {

	private static final String TOPIC = "audit-events";

	private static final EmbeddedKafkaKraftBroker broker = startBroker();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private ArticleService articles;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private SealedEventSource source;

	@Autowired
	private StreamPositions positions;

	@Autowired
	private OperationCatalog catalog;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", broker::getBrokersAsString);
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@Test
	@Order(1)
	void publishesEachTenantsEventsInChainOrderWithTheirChainInHeaders() {
		for (int i = 1; i <= 3; i++) {
			this.articles.createInTenant("acme " + i, "acme");
			this.articles.createInTenant("globex " + i, "globex");
			this.articles.create("system " + i, "note " + i);
		}
		List<ConsumerRecord<String, String>> records = consume(TOPIC, 9);
		Map<String, List<ConsumerRecord<String, String>>> byKey = byKey(records);
		assertThat(byKey).containsOnlyKeys("acme", "globex", "*");
		assertThat(titles(byKey.get("acme"))).containsExactly("acme 1", "acme 2", "acme 3");
		assertThat(titles(byKey.get("globex"))).containsExactly("globex 1", "globex 2", "globex 3");
		assertThat(titles(byKey.get("*"))).containsExactly("system 1", "system 2", "system 3");
		for (ConsumerRecord<String, String> record : records) {
			JsonNode event = JSON.readTree(record.value());
			Map<String, Object> stored = this.jdbc
				.queryForMap("select e.id, e.tenant, s.position, s.prev_hash, s.hash from audit_event e "
						+ "join audit_seal s on s.event_id = e.id where e.id = ?", event.get("id").asLong());
			assertThat(header(record, "audit-event-id")).isEqualTo(String.valueOf(stored.get("ID")));
			assertThat(header(record, "audit-position")).isEqualTo(String.valueOf(stored.get("POSITION")));
			assertThat(header(record, "audit-prev-hash")).isEqualTo(stored.get("PREV_HASH"));
			assertThat(header(record, "audit-hash")).isEqualTo(stored.get("HASH"));
			assertThat(header(record, "audit-chain"))
				.isEqualTo((stored.get("TENANT") != null) ? "=" + stored.get("TENANT") : "*");
			assertThat(header(record, "content-type")).isEqualTo("application/json");
			assertThat(event.get("tenant").isNull() ? "*" : event.get("tenant").asString()).isEqualTo(record.key());
			assertThat(event.get("operation").asString()).isEqualTo("content.create");
			assertThat(event.get("operationLabel").asString()).isEqualTo("Content: Create");
		}
		assertThat(verifiedChains(records)).containsOnlyKeys("acme", "globex", "*").containsValues(3L);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.meters.get("audit.stream.lag").tag("chain", "=acme").gauge().value())
				.isZero());
		assertThat(this.meters.get("audit.stream.published").counter().count()).isEqualTo(9);
	}

	@Test
	@Order(2)
	void writesCloudEventsAndOcsfApiActivities() {
		for (StreamFormat format : List.of(StreamFormat.CLOUDEVENTS, StreamFormat.OCSF)) {
			String topic = "audit-" + format.name().toLowerCase();
			DefaultKafkaProducerFactory<String, String> producers = new DefaultKafkaProducerFactory<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
							ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
					new StringSerializer(), new StringSerializer());
			KafkaRelay relay = new KafkaRelay(this.source, this.positions, new KafkaTemplate<>(producers),
					producers::reset, new EventRecords(topic, format, new EventJson(this.catalog), JSON, "cms"), topic,
					100, Duration.ofSeconds(10), new StreamMetrics(null, topic));
			try {
				assertThat(relay.publish(() -> true)).isEqualTo(9);
			}
			finally {
				producers.destroy();
			}
			List<ConsumerRecord<String, String>> records = consume(topic, 9);
			assertThat(titles(byKey(records).get("acme"), format)).containsExactly("acme 1", "acme 2", "acme 3");
			ConsumerRecord<String, String> first = byKey(records).get("acme").get(0);
			JsonNode value = JSON.readTree(first.value());
			if (format == StreamFormat.CLOUDEVENTS) {
				assertThat(header(first, "content-type")).isEqualTo("application/cloudevents+json");
				assertThat(value.get("specversion").asString()).isEqualTo("1.0");
				assertThat(value.get("type").asString()).isEqualTo("io.audittrail.content.create");
				assertThat(value.get("source").asString()).isEqualTo("cms");
				assertThat(value.get("id").asString()).isEqualTo(header(first, "audit-event-id"));
				assertThat(value.get("data").get("tenant").asString()).isEqualTo("acme");
			}
			else {
				assertThat(header(first, "content-type")).isEqualTo("application/json");
				assertThat(value.get("class_uid").asInt()).isEqualTo(6003);
				assertThat(value.get("activity_id").asInt()).isEqualTo(1);
				assertThat(value.get("metadata").get("uid").asString()).isEqualTo(header(first, "audit-event-id"));
				assertThat(value.get("unmapped").get("chain").get("position").asLong()).isEqualTo(1);
			}
			assertThat(header(first, "audit-position")).isEqualTo("1");
			assertThat(header(first, "audit-prev-hash")).isNull();
		}
	}

	@Test
	@Order(3)
	void keepsTheBacklogThroughABrokerOutageAndPublishesItOnceInOrder() {
		Map<String, Long> before = this.positions.positions(TOPIC);
		broker.getCluster().brokers().values().forEach(BrokerServer::shutdown);
		double failures = this.meters.get("audit.stream.failures").counter().count();
		for (int i = 1; i <= 1000; i++) {
			this.articles.createInTenant("outage " + i, (i % 2 == 0) ? "acme" : "globex");
		}
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(unsealed()).isZero();
			assertThat(this.meters.get("audit.stream.failures").counter().count()).isGreaterThan(failures);
			assertThat(this.meters.get("audit.stream.lag").tag("chain", "=acme").gauge().value()).isEqualTo(500);
		});
		assertThat(this.positions.positions(TOPIC)).isEqualTo(before);
		broker.getCluster().brokers().values().forEach(BrokerServer::startup);
		// the topic keeps what was published before the outage: 9 records, then the
		// backlog once
		List<ConsumerRecord<String, String>> records = consume(TOPIC, 1009).stream()
			.filter((record) -> titles(List.of(record)).get(0).startsWith("outage "))
			.toList();
		Map<String, List<ConsumerRecord<String, String>>> byKey = byKey(records);
		assertThat(byKey).containsOnlyKeys("acme", "globex");
		for (String tenant : List.of("acme", "globex")) {
			List<Long> published = byKey.get(tenant)
				.stream()
				.map((r) -> Long.valueOf(header(r, "audit-position")))
				.toList();
			long from = before.get("=" + tenant) + 1;
			assertThat(published).hasSize(500).first().isEqualTo(from);
			assertThat(published).isSorted().doesNotHaveDuplicates().last().isEqualTo(from + 499);
		}
		assertThat(titles(byKey.get("globex")).subList(0, 3)).containsExactly("outage 1", "outage 3", "outage 5");
		assertThat(verifiedChains(records)).containsEntry("acme", 500L).containsEntry("globex", 500L);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.positions.positions(TOPIC)).containsEntry("=acme", before.get("=acme") + 500)
						.containsEntry("=globex", before.get("=globex") + 500));
	}

	private long unsealed() {
		return this.jdbc.queryForObject("select count(*) from audit_event e where not exists "
				+ "(select 1 from audit_seal s where s.event_id = e.id)", Long.class);
	}

	/**
	 * Checks each tenant's records as a consumer would, from the topic alone: consecutive
	 * positions, each previous hash the hash of the record before, each hash recomputed
	 * from the event JSON.
	 * @return how many records of each key were verified
	 */
	private static Map<String, Long> verifiedChains(List<ConsumerRecord<String, String>> records) {
		Map<String, Long> verified = new LinkedHashMap<>();
		byKey(records).forEach((key, chain) -> {
			ConsumerRecord<String, String> previous = null;
			for (ConsumerRecord<String, String> record : chain) {
				long position = Long.parseLong(header(record, "audit-position"));
				String prevHash = header(record, "audit-prev-hash");
				if (previous != null) {
					assertThat(position).isEqualTo(Long.parseLong(header(previous, "audit-position")) + 1);
					assertThat(prevHash).isEqualTo(header(previous, "audit-hash"));
				}
				assertThat(StreamedEventHashes.hash(JSON.readTree(record.value()), position, prevHash))
					.isEqualTo(header(record, "audit-hash"));
				previous = record;
			}
			verified.put(key, (long) chain.size());
		});
		return verified;
	}

	private static List<ConsumerRecord<String, String>> consume(String topic, int count) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			while (records.size() < count && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
			}
			// anything more would be a duplicate
			consumer.poll(Duration.ofSeconds(2)).forEach(records::add);
		}
		assertThat(records).hasSize(count);
		return records;
	}

	private static Map<String, List<ConsumerRecord<String, String>>> byKey(
			List<ConsumerRecord<String, String>> records) {
		Map<String, List<ConsumerRecord<String, String>>> byKey = new LinkedHashMap<>();
		records.forEach((record) -> byKey.computeIfAbsent(record.key(), (key) -> new ArrayList<>()).add(record));
		return byKey;
	}

	private static List<String> titles(List<ConsumerRecord<String, String>> records) {
		return titles(records, StreamFormat.EVENT);
	}

	private static List<String> titles(List<ConsumerRecord<String, String>> records, StreamFormat format) {
		return records.stream().map((record) -> {
			JsonNode value = JSON.readTree(record.value());
			return switch (format) {
				case EVENT -> value.get("entity").get("name").asString();
				case CLOUDEVENTS -> value.get("data").get("entity").get("name").asString();
				case OCSF -> value.get("resources").get(0).get("name").asString();
			};
		}).toList();
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static EmbeddedKafkaKraftBroker startBroker() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 2);
		broker.afterPropertiesSet();
		broker.addTopics(new NewTopic(TOPIC, 2, (short) 1), new NewTopic("audit-cloudevents", 2, (short) 1),
				new NewTopic("audit-ocsf", 2, (short) 1));
		return broker;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Meters {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
