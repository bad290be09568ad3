package io.audittrail.core;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * Implemented by an application's authentication or principal objects that know which
 * audit actor they stand for, such as an API-key authentication. The default actor
 * resolver asks them first.
 */
@API(status = Status.STABLE, since = "0.2")
public interface AuditPrincipal {

	/** The actor to record for calls made by this principal. */
	Actor auditActor();

}
