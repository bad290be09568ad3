package io.audittrail.verifier;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Test vectors from github.com/transparency-dev/merkle: leaves and roots from
 * {@code testonly/constants.go}, inclusion and consistency proofs from
 * {@code proof/verify_test.go}.
 */
class MerkleTests {

	private static final HexFormat HEX = HexFormat.of();

	private static final String[] LEAVES = { "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
			"606162636465666768696a6b6c6d6e6f" };

	/** Roots by tree size, from the empty tree to 8 leaves. */
	private static final String[] ROOTS = { "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
			"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
			"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
			"aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
			"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
			"4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
			"76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
			"ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
			"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328" };

	private final LeafHashes leaves = (index) -> Merkle.leafHash(HEX.parseHex(LEAVES[(int) index]));

	@Test
	void rootsMatchTheVectorsAtEverySize() {
		for (int size = 0; size <= 8; size++) {
			assertThat(HEX.formatHex(Merkle.root(size, this.leaves))).as("size %d", size).isEqualTo(ROOTS[size]);
		}
	}

	@Test
	void frontierGivesTheSameRootsLeafByLeaf() {
		MerkleFrontier frontier = MerkleFrontier.empty();
		assertThat(HEX.formatHex(frontier.root())).isEqualTo(ROOTS[0]);
		for (int i = 0; i < 8; i++) {
			frontier.append(this.leaves.leafHash(i));
			assertThat(HEX.formatHex(frontier.root())).as("size %d", i + 1).isEqualTo(ROOTS[i + 1]);
			assertThat(frontier.hashes()).hasSize(Long.bitCount(i + 1));
		}
		assertThat(HEX.formatHex(frontier.hashes().get(0))).isEqualTo(ROOTS[8]);
	}

	@Test
	void frontierGoesOnFromItsStoredHashes() {
		MerkleFrontier first = MerkleFrontier.empty();
		for (int i = 0; i < 5; i++) {
			first.append(this.leaves.leafHash(i));
		}
		MerkleFrontier resumed = MerkleFrontier.of(first.size(), first.hashes());
		for (int i = 5; i < 7; i++) {
			resumed.append(this.leaves.leafHash(i));
		}
		assertThat(HEX.formatHex(resumed.root())).isEqualTo(ROOTS[7]);
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> MerkleFrontier.of(7, first.hashes()))
			.withMessage("a tree of size 7 has 3 frontier hashes, not 2");
	}

	@Test
	void inclusionProofsMatchTheVectors() {
		// {leaf (1-based), size, proof} from proof/verify_test.go
		assertInclusion(1, 1);
		assertInclusion(1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
				"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
				"6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
		assertInclusion(6, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
				"ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
				"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
		assertInclusion(3, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
		assertInclusion(2, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
				"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
				"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
	}

	@Test
	void consistencyProofsMatchTheVectors() {
		// {size1, size2, proof} from proof/verify_test.go
		assertConsistency(1, 1);
		assertConsistency(1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
				"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
				"6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
		assertConsistency(6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
				"ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
				"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
		assertConsistency(2, 5, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
				"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
		assertConsistency(6, 7, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
				"b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
				"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
	}

	@Test
	void everyProofOfLargerTreesVerifies() {
		LeafHashes numbered = (index) -> Merkle.leafHash(Long.toString(index).getBytes());
		Merkle.Prover prover = Merkle.prover(numbered);
		MerkleFrontier frontier = MerkleFrontier.empty();
		List<byte[]> roots = new ArrayList<>();
		roots.add(frontier.root());
		for (long i = 0; i < 70; i++) {
			frontier.append(numbered.leafHash(i));
			roots.add(frontier.root());
		}
		for (int size = 1; size <= 70; size++) {
			assertThat(prover.root(size)).isEqualTo(roots.get(size));
			for (int index = 0; index < size; index++) {
				Merkle.verifyInclusion(numbered.leafHash(index), prover.inclusionProof(index, size), roots.get(size));
			}
			for (int old = 0; old <= size; old++) {
				Merkle.verifyConsistency(prover.consistencyProof(old, size), roots.get(old), roots.get(size));
			}
		}
	}

	@Test
	void proofsFromAnEarlierFrontierNeedNoLeafBeforeIt() {
		LeafHashes numbered = (index) -> Merkle.leafHash(Long.toString(index).getBytes());
		for (int oldSize = 1; oldSize <= 40; oldSize++) {
			MerkleFrontier frontier = MerkleFrontier.empty();
			for (int i = 0; i < oldSize; i++) {
				frontier.append(numbered.leafHash(i));
			}
			long removed = oldSize;
			LeafHashes kept = (index) -> {
				assertThat(index).as("a removed leaf").isGreaterThanOrEqualTo(removed);
				return numbered.leafHash(index);
			};
			for (int newSize = oldSize; newSize <= 48; newSize++) {
				ConsistencyProof expected = Merkle.consistencyProof(oldSize, newSize, numbered);
				ConsistencyProof proof = Merkle.prover(kept, frontier).consistencyProof(oldSize, newSize);
				assertThat(proof.text()).isEqualTo(expected.text());
				Merkle.verifyConsistency(proof, frontier.root(), Merkle.root(newSize, numbered));
			}
		}
	}

	@Test
	void corruptedInclusionProofsFail() {
		byte[] leaf = this.leaves.leafHash(5);
		InclusionProof proof = Merkle.inclusionProof(5, 8, this.leaves);
		byte[] root = HEX.parseHex(ROOTS[8]);
		assertThatExceptionOfType(VerificationException.class)
			.isThrownBy(() -> Merkle.verifyInclusion(leaf, new InclusionProof(4, 8, proof.hashes()), root))
			.withMessageContaining("leads to root");
		assertThatExceptionOfType(VerificationException.class)
			.isThrownBy(() -> Merkle.verifyInclusion(leaf, new InclusionProof(5, 16, proof.hashes()), root))
			.withMessageContaining("too few hashes");
		assertThatExceptionOfType(VerificationException.class)
			.isThrownBy(() -> Merkle.verifyInclusion(leaf, new InclusionProof(5, 4 + 1 + 1, proof.hashes()), root));
		List<byte[]> longer = new ArrayList<>(proof.hashes());
		longer.add(root);
		assertThatExceptionOfType(VerificationException.class)
			.isThrownBy(() -> Merkle.verifyInclusion(leaf, new InclusionProof(5, 8, longer), root))
			.withMessageContaining("too many hashes");
		for (int i = 0; i < proof.hashes().size(); i++) {
			List<byte[]> flipped = new ArrayList<>(proof.hashes());
			byte[] hash = flipped.get(i).clone();
			hash[0] ^= 8;
			flipped.set(i, hash);
			assertThatExceptionOfType(VerificationException.class)
				.isThrownBy(() -> Merkle.verifyInclusion(leaf, new InclusionProof(5, 8, flipped), root));
		}
	}

	@Test
	void corruptedConsistencyProofsFail() {
		ConsistencyProof proof = Merkle.consistencyProof(6, 8, this.leaves);
		byte[] root6 = HEX.parseHex(ROOTS[6]);
		byte[] root8 = HEX.parseHex(ROOTS[8]);
		assertThatExceptionOfType(VerificationException.class)
			.isThrownBy(() -> Merkle.verifyConsistency(proof, HEX.parseHex(ROOTS[5]), root8))
			.withMessageContaining("does not lead to the old root");
		assertThatExceptionOfType(VerificationException.class)
			.isThrownBy(() -> Merkle.verifyConsistency(new ConsistencyProof(5, 8, proof.hashes()), root6, root8));
		assertThatExceptionOfType(VerificationException.class)
			.isThrownBy(() -> Merkle.verifyConsistency(new ConsistencyProof(6, 8, List.of()), root6, root8))
			.withMessageContaining("is empty");
		assertThatExceptionOfType(VerificationException.class)
			.isThrownBy(() -> Merkle.verifyConsistency(new ConsistencyProof(8, 8, List.of()), root6, root8))
			.withMessageContaining("roots differ");
		List<byte[]> truncated = proof.hashes().subList(0, proof.hashes().size() - 1);
		assertThatExceptionOfType(VerificationException.class)
			.isThrownBy(() -> Merkle.verifyConsistency(new ConsistencyProof(6, 8, truncated), root6, root8));
	}

	private void assertInclusion(int leaf, int size, String... expected) {
		InclusionProof proof = Merkle.inclusionProof(leaf - 1, size, this.leaves);
		assertThat(proof.hashes()).map(HEX::formatHex).containsExactly(expected);
		Merkle.verifyInclusion(this.leaves.leafHash(leaf - 1), proof, HEX.parseHex(ROOTS[size]));
	}

	private void assertConsistency(int oldSize, int newSize, String... expected) {
		ConsistencyProof proof = Merkle.consistencyProof(oldSize, newSize, this.leaves);
		assertThat(proof.hashes()).map(HEX::formatHex).containsExactly(expected);
		Merkle.verifyConsistency(proof, HEX.parseHex(ROOTS[oldSize]), HEX.parseHex(ROOTS[newSize]));
	}

}
