package io.audittrail.store;

import java.util.List;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * Sets the response status on events written while their request ran. Implementations
 * must be thread-safe.
 */
@API(status = Status.INTERNAL, since = "0.2")
@FunctionalInterface
public interface RequestStatusStore {

	/**
	 * Sets each completion's status on the events of its request that have a request part
	 * and no status yet.
	 */
	void complete(List<RequestCompletion> completions);

}
