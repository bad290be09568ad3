package io.audittrail.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * The hash chains' storage: which events wait for a seal, the insert-only seal rows that
 * give each event its position, predecessor hash and hash, the chains' heads and the
 * checkpoints retention leaves. Implementations are thread-safe.
 */
@API(status = Status.INTERNAL, since = "0.2")
public interface ChainStore {

	/**
	 * The key of a tenant's chain, as seals, heads and checkpoints name it: {@code *} for
	 * the system-level chain, {@code =} and the tenant for a tenant's.
	 * @param tenant the tenant, {@code null} for system-level events
	 * @return the chain's key
	 */
	static String keyOf(String tenant) {
		return Chains.keyOf(tenant);
	}

	/**
	 * The oldest complete events that have no seal yet, in id order, as stored (with the
	 * status of their request): what their seals cover.
	 * @param afterId only events with a larger id
	 * @param graceLimit events of a request without a status yet count as complete once
	 * they occurred before this instant
	 * @param limit how many at most
	 */
	List<EventRow> unsealed(long afterId, Instant graceLimit, int limit);

	/** The largest event id stored, or 0. */
	long lastEventId();

	/** The largest event id that has a seal, or 0. */
	long lastSealedEventId();

	/** The smallest event id that has a seal, or 0. */
	long firstSealedEventId();

	/**
	 * Seals the given events of one chain, as {@link #unsealed} read them, in one
	 * transaction, under the row lock of the chain's head (created when missing): events
	 * sealed meanwhile are left out, events of a request still without a status are read
	 * again (their status may have arrived meanwhile), the others are sealed as given;
	 * they get the next positions, in id order, with the hashes the linker makes; the
	 * head moves to the last of them.
	 * @param tenant the chain's tenant, {@code null} for the system-level chain
	 * @param events the events, in id order
	 * @param linker makes the hash of an event at a position after a predecessor hash
	 * @return how many events were sealed
	 */
	int seal(String tenant, List<EventRow> events, Linker linker);

	/** Every chain with its last sealed position and hash, by chain key. */
	List<ChainHead> heads();

	/** The head of one chain, if it was ever sealed. */
	Optional<ChainHead> head(String tenant);

	/**
	 * Where retention left the chain: the last removed position and its hash (position 0
	 * when none).
	 */
	Checkpoint checkpoint(String tenant);

	/**
	 * Hands the sealed events of a chain to the visitor in position order, from the
	 * position after the given one, streaming rows, until the visitor returns
	 * {@code false}.
	 */
	void walk(String tenant, long afterPosition, Predicate<SealedRow> visitor);

	/**
	 * Hands the sealed events of every chain with an id in {@code (afterId, upToId]} to
	 * the visitor in id order, each with its chain's key: the range's seals are held in
	 * memory, its events streamed. Seals whose event is missing are left out. Reading
	 * seals and events along the event id reads both tables once, where reading a chain
	 * in position order looks up each event on its own.
	 */
	void walkIds(long afterId, long upToId, Consumer<ChainedRow> visitor);

	/**
	 * Up to {@code limit} sealed events of a chain after the given position, in position
	 * order: how a reader tails a chain.
	 * @param tenant the chain's tenant, {@code null} for the system-level chain
	 */
	List<SealedRow> sealedAfter(String tenant, long afterPosition, int limit);

	/** The seal at a position of a chain, if it exists. */
	Optional<SealedRow> sealAt(String tenant, long position);

	/** How many events have no seal yet, of one tenant ({@code null}: system-level). */
	long unsealedCount(String tenant);

	/** How many events have no seal yet, of every tenant. */
	long unsealedCount();

	/**
	 * How many events with an id in {@code (afterId, upToId]} have no seal, as the events
	 * in that range minus the seals of events in it: two counts over index ranges, where
	 * looking for the events themselves reads every event of the range (each an index
	 * lookup in H2).
	 */
	long unsealedCount(long afterId, long upToId);

	/**
	 * The smallest event id sealed into a chain that has no head, which no sealer made;
	 * or empty.
	 */
	Optional<Long> sealedWithoutHead(String tenant);

	/**
	 * A sealed event with the key of the chain its seal places it in.
	 *
	 * @param chain the key of the seal's chain
	 * @param sealed the event and its seal
	 */
	record ChainedRow(String chain, SealedRow sealed) {
	}

	/**
	 * The newest seal of a chain.
	 *
	 * @param chain the chain's key
	 * @param tenant the chain's tenant, {@code null} for system-level
	 * @param position the last sealed position
	 * @param hash the hash at that position
	 */
	record ChainHead(String chain, String tenant, long position, String hash) {
	}

	/**
	 * Where verification of a chain starts after retention.
	 *
	 * @param position the last removed position, 0 when nothing was removed
	 * @param hash its hash, {@code null} when nothing was removed
	 */
	record Checkpoint(long position, String hash) {
	}

	/** Makes an event's seal. */
	@FunctionalInterface
	interface Linker {

		/**
		 * The hash of the event at the position after the predecessor hash.
		 * @return the hash and the encoding it was made with
		 */
		Link link(EventRow event, long position, String prevHash);

	}

	/**
	 * A hash and the encoding it was made with.
	 *
	 * @param hash the hash, lowercase hex
	 * @param encoding the encoding's name
	 */
	record Link(String hash, String encoding) {
	}

}
