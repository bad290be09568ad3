package io.audittrail.store;

import java.util.List;
import java.util.Optional;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * The columns each user shows in the audit log's list. Implementations are thread-safe.
 */
@API(status = Status.INTERNAL, since = "0.2")
public interface ColumnPreferenceStore {

	/** The user's columns, in order, if the user ever chose them. */
	Optional<List<String>> find(String user);

	/** Keeps the user's columns, replacing those kept before. */
	void save(String user, List<String> columns);

}
