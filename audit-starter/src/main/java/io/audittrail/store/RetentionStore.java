package io.audittrail.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * What retention asks of the audit database: a job lock that a second run skips, the
 * oldest sealed events of a chain and the Envers revisions to remove. The only deletes of
 * events are here. Implementations are thread-safe.
 */
@API(status = Status.INTERNAL, since = "0.2")
public interface RetentionStore {

	/**
	 * Runs the work while holding the job's lock on a connection of its own.
	 * @return the work's result, or empty when another run holds the lock
	 */
	<T> Optional<T> runExclusively(String job, Supplier<T> work);

	/** The tenants ({@code null}: system-level) that have a chain or Envers revisions. */
	List<String> tenants();

	/** The last removed position of the tenant's chain, 0 when none was removed. */
	long checkpoint(String tenant);

	/**
	 * The first position after the given one whose event occurred at or after the cutoff.
	 */
	OptionalLong firstPositionSince(String tenant, long afterPosition, Instant cutoff);

	/** The last sealed position after the given one. */
	OptionalLong lastPosition(String tenant, long afterPosition);

	/**
	 * Removes, in one transaction, the sealed events of the chain after {@code from} up
	 * to {@code to}, with their seals and statuses, and moves the chain's checkpoint to
	 * the last of them.
	 * @return what was removed, or {@code null} when no event is left in that range
	 */
	PurgedEvents purgeEvents(String tenant, long from, long to, Instant now);

	/**
	 * Removes, in one transaction, up to {@code limit} revisions of the tenant older than
	 * the cutoff that no event references, with their rows in the application's audit
	 * tables.
	 * @param tablesOf the audit tables of the given entity names ({@code null}: of every
	 * entity)
	 * @return how many revisions were removed
	 */
	int purgeRevisions(String tenant, Instant cutoff, int limit, Function<Set<String>, Collection<String>> tablesOf);

	/**
	 * A batch of removed events.
	 *
	 * @param lastPosition the last removed position, now the chain's checkpoint
	 * @param removed how many events were removed
	 */
	record PurgedEvents(long lastPosition, int removed) {
	}

}
