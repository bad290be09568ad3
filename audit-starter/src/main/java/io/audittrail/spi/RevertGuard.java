package io.audittrail.spi;

import java.util.Optional;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import io.audittrail.core.AuditEvent;

/**
 * Asked for every entity a revert would change, before it changes anything: refuses
 * entities the revert must not touch, such as those that no longer belong to the entry's
 * tenant. A refusal answers {@code 409} with its reason. Implementations must be
 * thread-safe.
 */
@API(status = Status.STABLE, since = "0.2")
@FunctionalInterface
public interface RevertGuard {

	/**
	 * Why reverting the entry must not change this entity, or empty when it may.
	 * @param event the entry being reverted
	 * @param entity the entity as it is now, or as the revert would re-create it
	 * @return the reason of a refusal, or empty
	 */
	Optional<String> refusal(AuditEvent event, Object entity);

	/** Refuses nothing: for applications without tenants. */
	static RevertGuard none() {
		return (event, entity) -> Optional.empty();
	}

}
