package io.audittrail.store;

import java.time.Instant;
import java.util.Objects;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * Where a page of the list ends: the next page holds the entries that come after it
 * newest first, those that occurred earlier, or at the same instant with a smaller id.
 *
 * @param occurredAt when the last entry of the page occurred
 * @param id the id of the last entry of the page
 */
@API(status = Status.INTERNAL, since = "0.2")
public record PagePosition(Instant occurredAt, long id) {

	public PagePosition {
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

}
