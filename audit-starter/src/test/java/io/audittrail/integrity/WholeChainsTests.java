package io.audittrail.integrity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.audittrail.store.ChainStore.ChainedRow;
import io.audittrail.store.ChainStore;
import io.audittrail.store.EventRow;
import io.audittrail.store.SealedRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

/**
 * The read of every chain along the event ids: which chains it lets pass, over id ranges
 * read by several readers, and which it leaves to the walk in position order.
 */
class WholeChainsTests {

	private final EventDigest digest = new EventDigest();

	private final List<ChainedRow> rows = new ArrayList<>();

	private final Map<String, Long> positions = new HashMap<>();

	private final Map<String, String> hashes = new HashMap<>();

	@Test
	void interleavedChainsPassWhateverTheRangesAndReaders() {
		for (long id = 1; id <= 30; id++) {
			seal((id % 3 == 0) ? null : "t" + (id % 3), id);
		}
		Map<String, WholeChains.Start> chains = Map.of(key("t1"), start(), key("t2"), start(), key(null), start());

		for (long range : new long[] { 1, 4, 7, 30, 50_000 }) {
			for (int readers : new int[] { 1, 2, 3 }) {
				assertThat(verify(readers, range, chains)).as("%d readers, ranges of %d ids", readers, range)
					.containsOnly(Map.entry(key("t1"), end("t1")), Map.entry(key("t2"), end("t2")),
							Map.entry(key(null), end(null)));
			}
		}
	}

	@Test
	void sealsMadeOutOfIdOrderStillLink() {
		// events committed late are sealed after events with larger ids
		for (long id : new long[] { 5, 3, 9, 7, 12, 10, 11 }) {
			seal("t", id);
		}

		assertThat(verify(2, 2, Map.of(key("t"), start()))).containsExactly(Map.entry(key("t"), end("t")));
		assertThat(verify(1, 100, Map.of(key("t"), start()))).containsExactly(Map.entry(key("t"), end("t")));
	}

	@Test
	void chainStartsAfterTheCheckpointRetentionLeft() {
		for (long id = 1; id <= 6; id++) {
			seal("t", id);
		}
		String second = this.rows.get(1).sealed().hash();
		// the first two were removed with their seals
		this.rows.subList(0, 2).clear();

		assertThat(verify(2, 2, Map.of(key("t"), new WholeChains.Start(2, second, 6))))
			.containsExactly(Map.entry(key("t"), end("t")));
		assertThat(verify(2, 2, Map.of(key("t"), new WholeChains.Start(2, "ab".repeat(32), 6)))).isEmpty();
		assertThat(verify(2, 2, Map.of(key("t"), start()))).isEmpty();
	}

	@Test
	void sealsBeforeTheStartAreNotRead() {
		for (long id = 1; id <= 6; id++) {
			seal("t", id);
		}
		String third = this.rows.get(2).sealed().hash();
		replace(1, (seal) -> withEvent(seal, "Forged"));

		assertThat(verify(2, 2, Map.of(key("t"), new WholeChains.Start(3, third, 6))))
			.containsExactly(Map.entry(key("t"), end("t")));
	}

	@Test
	void brokenChainsAreLeftToTheWalk() {
		List<String> tenants = List.of("intact", "edited", "removed", "newest-removed", "relinked", "moved",
				"unknown-encoding", "forged-hash");
		for (long id = 1; id <= 5 * tenants.size(); id++) {
			seal(tenants.get((int) (id % tenants.size())), id);
		}
		Map<String, WholeChains.Start> chains = new HashMap<>();
		tenants.forEach((tenant) -> chains.put(key(tenant), new WholeChains.Start(0, null, 5)));

		replace(at("edited", 3), (seal) -> withEvent(seal, "Forged"));
		this.rows.remove(at("removed", 3));
		this.rows.remove(at("newest-removed", 5));
		// a seal whose hash matches its content, but not after the seal before it
		replace(at("relinked", 3), (seal) -> rehashed(seal.event(), seal.position(), "ab".repeat(32)));
		// an event of another tenant, with a hash made for it
		replace(at("moved", 2),
				(seal) -> rehashed(withTenant(seal.event(), "intact"), seal.position(), seal.prevHash()));
		replace(at("unknown-encoding", 4),
				(seal) -> new SealedRow(seal.event(), seal.position(), seal.prevHash(), seal.hash(), "audit-event-v9"));
		replace(at("forged-hash", 1), (seal) -> new SealedRow(seal.event(), seal.position(), seal.prevHash(),
				"00".repeat(32), seal.encoding()));

		for (int readers : new int[] { 1, 2 }) {
			assertThat(verify(readers, 3, chains)).containsOnly(Map.entry(key("intact"), end("intact")));
		}
	}

	private Map<String, WholeChains.End> verify(int readers, long range, Map<String, WholeChains.Start> chains) {
		List<ChainedRow> byId = new ArrayList<>(this.rows);
		byId.sort(Comparator.comparingLong((row) -> row.sealed().event().id()));
		ChainStore store = mock(ChainStore.class);
		given(store.firstSealedEventId()).willReturn(byId.get(0).sealed().event().id());
		given(store.lastSealedEventId()).willReturn(byId.get(byId.size() - 1).sealed().event().id());
		willAnswer((invocation) -> {
			long after = invocation.getArgument(0);
			long upTo = invocation.getArgument(1);
			Consumer<ChainedRow> visitor = invocation.getArgument(2);
			byId.stream()
				.filter((row) -> row.sealed().event().id() > after && row.sealed().event().id() <= upTo)
				.forEach(visitor);
			return null;
		}).given(store).walkIds(anyLong(), anyLong(), any());
		return new WholeChains(store, readers, range).verify(chains);
	}

	/** Seals an event of the tenant at the next position of its chain. */
	private void seal(String tenant, long id) {
		String chain = key(tenant);
		long position = this.positions.merge(chain, 1L, Long::sum);
		SealedRow seal = rehashed(event(id, tenant, "Article " + id), position, this.hashes.get(chain));
		this.hashes.put(chain, seal.hash());
		this.rows.add(new ChainedRow(chain, seal));
	}

	private SealedRow rehashed(EventRow event, long position, String prevHash) {
		return new SealedRow(event, position, prevHash, this.digest.hash(event, EventDigest.V2, position, prevHash),
				EventDigest.V2);
	}

	/** Where the seal of the tenant's chain at the position is among the rows. */
	private int at(String tenant, long position) {
		for (int i = 0; i < this.rows.size(); i++) {
			if (this.rows.get(i).chain().equals(key(tenant)) && this.rows.get(i).sealed().position() == position) {
				return i;
			}
		}
		throw new IllegalArgumentException("No seal at " + position + " of " + tenant);
	}

	private void replace(int index, UnaryOperator<SealedRow> change) {
		ChainedRow row = this.rows.get(index);
		this.rows.set(index, new ChainedRow(row.chain(), change.apply(row.sealed())));
	}

	private static SealedRow withEvent(SealedRow seal, String entityName) {
		EventRow e = seal.event();
		return new SealedRow(event(e.id(), e.tenant(), entityName), seal.position(), seal.prevHash(), seal.hash(),
				seal.encoding());
	}

	private static EventRow withTenant(EventRow e, String tenant) {
		return event(e.id(), tenant, e.entityName());
	}

	private WholeChains.End end(String tenant) {
		String chain = key(tenant);
		return new WholeChains.End(this.positions.get(chain), this.hashes.get(chain));
	}

	private WholeChains.Start start() {
		return new WholeChains.Start(0, null, 0);
	}

	private static String key(String tenant) {
		return ChainStore.keyOf(tenant);
	}

	private static EventRow event(long id, String tenant, String entityName) {
		return new EventRow(id, OffsetDateTime.of(2026, 11, 22, 3, 0, 0, 123_456_000, ZoneOffset.UTC), tenant,
				"content.update", "content", "UPDATE", "SUCCESS", "MEMBER", "m-1", "editor@demo.test", "10.0.0.1",
				"Article", Long.toString(id), entityName, "{\"content_id\":\"" + id + "\"}", null, null, null, null,
				null, null, null, null, null, null, null);
	}

}
