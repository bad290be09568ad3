package io.audittrail.store;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * The relay's view of the hash chains: their heads and their seal rows in position order,
 * each event as the read API sees it. A head and the seals up to it commit together, so
 * every position up to a head's is readable. Thread-safe.
 */
final class ChainSealedEventSource implements SealedEventSource {

	private final ChainStore chains;

	private final EventRows rows;

	/**
	 * @param chains the chains' storage
	 * @param json reads the events' detail columns
	 */
	ChainSealedEventSource(ChainStore chains, JsonMapper json) {
		this.chains = chains;
		this.rows = new EventRows(json);
	}

	@Override
	public List<Chain> chains() {
		return this.chains.heads()
			.stream()
			.filter((head) -> head.position() > 0)
			.map((head) -> new Chain(head.chain(), head.tenant(), head.position()))
			.toList();
	}

	@Override
	public List<SealedEvent> after(Chain chain, long position, int limit) {
		return this.chains.sealedAfter(chain.tenant(), position, limit).stream().map((sealed) -> {
			var event = this.rows.event(sealed.event());
			return new SealedEvent(chain.key(), event, sealed.position(), sealed.prevHash(), sealed.hash(),
					event.trace());
		}).toList();
	}

}
