package io.audittrail.stream;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import io.audittrail.integrity.ChainSealing;
import io.audittrail.testapp.TestApplication;
import io.audittrail.testapp.WriteLoad;
import io.audittrail.testsupport.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application is killed with SIGKILL while four threads write through audited calls
 * on PostgreSQL and its relay publishes to a real broker: once the application is back,
 * every committed event is on the topic at least once, in chain order, and a record seen
 * twice has the same position, id and hash both times.
 */
class KafkaKillUnderLoadIntegrationTests {

	private static final int COMMITTED_BEFORE_KILL = 400;

	private static final String TOPIC = "audit-killed";

	@Test
	void everyCommittedEventIsPublishedInOrderAfterAKill() throws Exception {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
		broker.afterPropertiesSet();
		try {
			Map<String, String> database = new LinkedHashMap<>();
			TestPostgres.register((name, value) -> database.put(name, String.valueOf(value.get())), "streamkill");
			List<String> arguments = arguments(database, broker.getBrokersAsString());
			File log = new File("target/kafka-kill-under-load.log");
			Process writer = startWriter(arguments, log);
			long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
			try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
				while (!Files.readString(log.toPath()).contains(WriteLoad.WRITING)
						|| count(statement, "select count(*) from article") < COMMITTED_BEFORE_KILL
						|| count(statement, "select coalesce(max(position), 0) from audit_stream_position") == 0) {
					assertThat(writer.isAlive()).as("writer process running (see %s)", log).isTrue();
					assertThat(System.nanoTime()).as("time to write and publish").isLessThan(deadline);
					Thread.sleep(50);
				}
				writer.destroyForcibly();
				assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
				assertThat(writer.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
			}
			try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(TestApplication.class)
				.run(arguments.toArray(String[]::new));
					Connection connection = connect(database);
					Statement statement = connection.createStatement()) {
				ChainSealing.of(restarted).seal();
				long committed = count(statement, "select count(*) from audit_event");
				assertThat(committed).isGreaterThanOrEqualTo(COMMITTED_BEFORE_KILL);
				List<ConsumerRecord<String, String>> records = consumeUntil(broker, committed);
				Map<Long, ConsumerRecord<String, String>> first = new LinkedHashMap<>();
				long last = 0;
				for (ConsumerRecord<String, String> record : records) {
					assertThat(record.key()).isEqualTo("*");
					long position = Long.parseLong(header(record, "audit-position"));
					ConsumerRecord<String, String> earlier = first.putIfAbsent(position, record);
					if (earlier != null) {
						assertThat(header(record, "audit-event-id")).isEqualTo(header(earlier, "audit-event-id"));
						assertThat(header(record, "audit-hash")).isEqualTo(header(earlier, "audit-hash"));
						assertThat(record.value()).isEqualTo(earlier.value());
					}
					else {
						assertThat(position).as("next new position after %d", last).isEqualTo(last + 1);
						last = position;
					}
				}
				assertThat(first).hasSize((int) committed);
				assertThat(count(statement, "select count(*) from audit_event e where not exists "
						+ "(select 1 from audit_seal s where s.event_id = e.id)"))
					.isZero();
			}
		}
		finally {
			broker.destroy();
		}
	}

	private static List<ConsumerRecord<String, String>> consumeUntil(EmbeddedKafkaKraftBroker broker, long positions) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		long highest = 0;
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(TOPIC));
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (highest < positions && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					records.add(record);
					highest = Math.max(highest, Long.parseLong(header(record, "audit-position")));
				}
			}
		}
		assertThat(highest).as("highest position published").isEqualTo(positions);
		return records;
	}

	private static Process startWriter(List<String> arguments, File log) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-Xmx256m");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(WriteLoad.class.getName());
		command.addAll(arguments);
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
	}

	private static List<String> arguments(Map<String, String> database, String brokers) {
		List<String> arguments = new ArrayList<>();
		database.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		arguments.add("--spring.main.banner-mode=off");
		arguments.add("--server.port=0");
		arguments.add("--audit.integrity.seal-interval=100ms");
		arguments.add("--audit.stream.kafka.enabled=true");
		arguments.add("--audit.stream.kafka.topic=" + TOPIC);
		arguments.add("--audit.stream.kafka.interval=100ms");
		arguments.add("--audit.stream.kafka.batch-size=50");
		arguments.add("--spring.kafka.bootstrap-servers=" + brokers);
		return arguments;
	}

	private static Connection connect(Map<String, String> database) throws Exception {
		return DriverManager.getConnection(database.get("spring.datasource.url"),
				database.get("spring.datasource.username"), database.get("spring.datasource.password"));
	}

	private static long count(Statement statement, String query) throws Exception {
		try (ResultSet result = statement.executeQuery(query)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
