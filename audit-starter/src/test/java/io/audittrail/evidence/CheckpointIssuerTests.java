package io.audittrail.evidence;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.audittrail.store.ChainTrees;
import io.audittrail.store.CheckpointStore;
import io.audittrail.store.SignedCheckpoint;
import io.audittrail.verifier.EvidenceBundleVerifier;
import io.audittrail.verifier.LeafHashes;
import io.audittrail.verifier.Merkle;
import io.audittrail.verifier.MerkleFrontier;
import io.audittrail.verifier.SignedNote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CheckpointIssuerTests {

	@TempDir
	Path directory;

	private final Map<String, List<byte[]>> chains = new HashMap<>();

	private final List<SignedCheckpoint> stored = new ArrayList<>();

	private final List<SignedCheckpoint> published = new ArrayList<>();

	private CheckpointIssuer issuer;

	private CheckpointSigner signer;

	@BeforeEach
	void issuer() {
		SigningKeys keys = SigningKeys.load(new SigningKeys.Settings("cms.example/audit", null, null, "PKCS12", null,
				null, null, this.directory.resolve("keys"), List.of()));
		this.signer = new CheckpointSigner(keys, "cms.example/audit", Clock.systemUTC());
		ChainTrees trees = new ChainTrees() {

			@Override
			public MerkleFrontier frontier(String tenant) {
				MerkleFrontier frontier = MerkleFrontier.empty();
				chain(tenant).forEach(frontier::append);
				return frontier;
			}

			@Override
			public LeafHashes leaves(String tenant) {
				return (index) -> chain(tenant).get((int) index);
			}

			@Override
			public Merkle.Prover prover(String tenant) {
				return Merkle.prover(leaves(tenant));
			}

			@Override
			public OptionalLong position(String tenant, long eventId) {
				return OptionalLong.empty();
			}

		};
		CheckpointStore store = new CheckpointStore() {

			@Override
			public void save(SignedCheckpoint checkpoint) {
				CheckpointIssuerTests.this.stored.add(checkpoint);
			}

			@Override
			public Optional<SignedCheckpoint> latest(String tenant) {
				return CheckpointIssuerTests.this.stored.stream()
					.filter((checkpoint) -> Objects.equals(checkpoint.tenant(), tenant))
					.reduce((first, second) -> second);
			}

		};
		this.issuer = new CheckpointIssuer(trees, this.signer, store, this.published::add);
	}

	@Test
	void issuesConsistentCheckpointsAsTheChainGrows() {
		seal("demo", 5);
		SignedCheckpoint first = this.issuer.issue("demo").orElseThrow();
		seal("demo", 3);
		SignedCheckpoint second = this.issuer.issue("demo").orElseThrow();
		assertThat(this.issuer.issue("demo")).isEmpty();
		assertThat(this.stored).containsExactly(first, second);
		assertThat(this.published).containsExactly(first, second);
		assertThat(second.checkpoint().size()).isEqualTo(8);
		SignedNote.parse(second.note()).verify(this.signer.keys().verifierKeys());
		EvidenceBundleVerifier.verifyConsistency(first.checkpoint(), second.checkpoint(),
				Merkle.consistencyProof(5, 8, (index) -> chain("demo").get((int) index)).text());
	}

	@Test
	void chainsAreSignedApart() {
		seal("demo", 2);
		seal(null, 1);
		assertThat(this.issuer.issue("demo").orElseThrow().checkpoint().origin())
			.isEqualTo("cms.example/audit/tenant/demo");
		assertThat(this.issuer.issue(null).orElseThrow().checkpoint().origin()).isEqualTo("cms.example/audit/system");
	}

	@Test
	void refusesToSignARewrittenChain() {
		seal("demo", 5);
		this.issuer.issue("demo");
		chain("demo").set(2, Merkle.leafHash("rewritten".getBytes()));
		seal("demo", 1);
		assertThatIllegalStateException().isThrownBy(() -> this.issuer.issue("demo"))
			.withMessageStartingWith("the chain of tenant demo does not extend its checkpoint of size 5: "
					+ "the sealed chain was rewritten; refusing to sign");
		assertThat(this.published).hasSize(1);
	}

	@Test
	void refusesToSignATruncatedChain() {
		seal("demo", 5);
		this.issuer.issue("demo");
		chain("demo").remove(4);
		assertThatIllegalStateException().isThrownBy(() -> this.issuer.issue("demo"))
			.withMessage("the chain of tenant demo has 4 sealed events, fewer than the 5 of its latest checkpoint: "
					+ "sealed events were removed; refusing to sign");
	}

	private List<byte[]> chain(String tenant) {
		return this.chains.computeIfAbsent(String.valueOf(tenant), (key) -> new ArrayList<>());
	}

	private void seal(String tenant, int events) {
		List<byte[]> chain = chain(tenant);
		for (int i = 0; i < events; i++) {
			chain.add(Merkle.leafHash((tenant + "-" + chain.size()).getBytes()));
		}
	}

}
