package io.audittrail.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.Driver;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.audittrail.verifier.LeafHashes;
import io.audittrail.verifier.Merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The leaf hashes of a chain's tree as the evidence endpoints read them from the seal
 * rows.
 */
class JdbcChainTreesTests {

	private static final int EVENTS = 3 * JdbcChainTrees.PAGE + 100;

	@Test
	void provesEveryLeafOfALongChainReadingEachPageOfSealsAFewTimesOnly() {
		AtomicInteger connections = new AtomicInteger();
		DataSource dataSource = new DelegatingDataSource(
				new SimpleDriverDataSource(new Driver(), "jdbc:h2:mem:chain-trees;DB_CLOSE_DELAY=-1", "sa", "")) {

			@Override
			public Connection getConnection() throws SQLException {
				connections.incrementAndGet();
				return super.getConnection();
			}

		};
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AuditStoreAutoConfiguration.class))
			.withBean(DataSource.class, () -> dataSource)
			.run((context) -> {
				List<byte[]> hashes = new ArrayList<>();
				List<Object[]> seals = new ArrayList<>();
				for (int position = 1; position <= EVENTS; position++) {
					byte[] hash = Merkle.leafHash(Integer.toString(position).getBytes());
					hashes.add(Merkle.leafHash(hash));
					seals
						.add(new Object[] { Chains.keyOf("acme"), position, position, HexFormat.of().formatHex(hash) });
				}
				new JdbcTemplate(dataSource)
					.batchUpdate("insert into audit_seal (chain, position, event_id, hash, encoding) "
							+ "values (?, ?, ?, ?, 'test')", seals);
				LeafHashes leaves = context.getBean(ChainTrees.class).leaves("acme");
				Merkle.Prover expected = Merkle.prover((index) -> hashes.get((int) index));
				Merkle.Prover prover = Merkle.prover(leaves);
				connections.set(0);

				for (long index = 0; index < EVENTS; index++) {
					assertThat(prover.inclusionProof(index, EVENTS).hashes())
						.containsExactlyElementsOf(expected.inclusionProof(index, EVENTS).hashes());
				}

				assertThat(connections.get()).isLessThan(20);
			});
	}

	@Test
	void aTreeGoesOnAndProvesAfterRetentionRemovedLeavesItHadNotReached() {
		DataSource dataSource = new SimpleDriverDataSource(new Driver(),
				"jdbc:h2:mem:chain-trees-purged;DB_CLOSE_DELAY=-1", "sa", "");
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AuditStoreAutoConfiguration.class))
			.withBean(DataSource.class, () -> dataSource)
			.run((context) -> {
				JdbcTemplate jdbc = new JdbcTemplate(dataSource);
				List<byte[]> hashes = new ArrayList<>();
				for (int position = 1; position <= 10; position++) {
					byte[] hash = Merkle.leafHash(Integer.toString(position).getBytes());
					hashes.add(Merkle.leafHash(hash));
					jdbc.update(
							"insert into audit_seal (chain, position, event_id, hash, encoding) "
									+ "values (?, ?, ?, ?, 'test')",
							Chains.keyOf("acme"), position, position, HexFormat.of().formatHex(hash));
					if (position == 3) {
						// this instance's tree reaches position 3
						assertThat(context.getBean(ChainTrees.class).frontier("acme").size()).isEqualTo(3);
					}
				}
				// another instance's retention removes positions 1 to 6
				context.getBean(RetentionStore.class).purgeEvents("acme", 0, 6, Instant.now());
				Merkle.Prover expected = Merkle.prover((index) -> hashes.get((int) index));

				ChainTrees trees = context.getBean(ChainTrees.class);
				assertThat(trees.frontier("acme").root()).isEqualTo(expected.root(10));
				for (long index = 6; index < 10; index++) {
					assertThat(trees.prover("acme").inclusionProof(index, 10).hashes())
						.containsExactlyElementsOf(expected.inclusionProof(index, 10).hashes());
				}
				assertThat(trees.prover("acme").consistencyProof(8, 10).hashes())
					.containsExactlyElementsOf(expected.consistencyProof(8, 10).hashes());
				assertThatIllegalStateException().isThrownBy(() -> trees.prover("acme").inclusionProof(2, 10))
					.withMessageContaining("position 4");
			});
	}

}
