package io.audittrail.store;

import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * Where the relay keeps how far it has published each chain to a destination, and the
 * lock that lets one relay at a time publish a chain. Implementations must be
 * thread-safe.
 */
@API(status = Status.EXPERIMENTAL, since = "0.2")
public interface StreamPositions {

	/**
	 * The positions kept in the database's {@code audit_stream_position} table.
	 * @param dataSource the database
	 * @param clock dates the positions
	 */
	static StreamPositions jdbc(DataSource dataSource, Clock clock) {
		return new JdbcStreamPositions(dataSource, clock);
	}

	/**
	 * Runs the publishing of a chain while holding its position's lock, unless another
	 * relay holds it; stores the position the work returns.
	 * @param destination where the chain is published, such as the topic
	 * @param chain the chain's key
	 * @param work publishes from the stored position ({@code 0} at first) and returns the
	 * position it reached, after the destination acknowledged everything up to it
	 * @return whether the work ran: {@code false} when another relay is publishing the
	 * chain
	 */
	boolean publish(String destination, String chain, Publishing work);

	/** How far the relay has published each chain to a destination, by chain key. */
	Map<String, Long> positions(String destination);

	/** Publishes a chain from a position. */
	@FunctionalInterface
	interface Publishing {

		/**
		 * @param position the last position published
		 * @return the last position published now, at least {@code position}
		 */
		long from(long position);

	}

}
