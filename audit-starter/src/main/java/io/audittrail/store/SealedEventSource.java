package io.audittrail.store;

import java.util.List;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the relay reads sealed events from: the chains with their last sealed position,
 * and the sealed events of one chain in position order. Implementations must be
 * thread-safe.
 */
@API(status = Status.EXPERIMENTAL, since = "0.2")
public interface SealedEventSource {

	/**
	 * The sealed events the chains' storage holds, each as the read API sees it.
	 * @param chains the chains' storage
	 * @param json reads the events' detail columns
	 */
	static SealedEventSource of(ChainStore chains, JsonMapper json) {
		return new ChainSealedEventSource(chains, json);
	}

	/** Every chain that has sealed events, with the position of its last one. */
	List<Chain> chains();

	/**
	 * The sealed events of a chain after a position, in position order.
	 * @param chain the chain
	 * @param position the last position not wanted, {@code 0} for the start
	 * @param limit how many events at most
	 */
	List<SealedEvent> after(Chain chain, long position, int limit);

	/**
	 * A hash chain: one per tenant and one for system-level events.
	 *
	 * @param key the chain's key
	 * @param tenant its tenant, or {@code null} for the system-level chain
	 * @param lastPosition the position of its last sealed event
	 */
	record Chain(String key, String tenant, long lastPosition) {

	}

}
