package io.audittrail.core;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * The kind of change an operation makes, as the audit log's "Action" column shows it.
 */
@API(status = Status.STABLE, since = "0.2")
public enum Action {

	CREATE, UPDATE, DELETE, OTHER

}
