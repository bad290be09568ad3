package io.audittrail.web;

import java.util.Optional;

import org.springframework.web.ErrorResponseException;

import io.audittrail.core.AuditEvent;
import io.audittrail.store.EventQuery;
import io.audittrail.core.TenantScope;
import io.audittrail.revert.RevertService;

/**
 * The one decision on whether the current reader may revert an entry, asked by the revert endpoint
 * and by the admin pages (so the pages offer exactly the reverts the API accepts): the revert
 * authority, the entry's tenant among those the reader may revert, and every authority the catalog
 * names for the entry's operation and the entities of its revision, held in that tenant.
 * Thread-safe.
 */
public final class RevertAccess {

	private final AuditAccessControl access;

	private final EventQuery events;

	private final RevertService reverts;

	/**
	 * @param access who may read and revert
	 * @param events reads the entry
	 * @param reverts tells the authorities a revert needs; {@code null} without JPA and Envers, when
	 * nothing can be reverted
	 */
	public RevertAccess(AuditAccessControl access, EventQuery events, RevertService reverts) {
		this.access = access;
		this.events = events;
		this.reverts = reverts;
	}

	/**
	 * The entry with the given id, once the current reader may revert it.
	 * @throws AuditAccessException 401 or 403 when they may not
	 * @throws ErrorResponseException 404 when the entry does not exist or is in a tenant they may not revert
	 */
	public AuditEvent require(String id) {
		TenantScope scope = this.access.requireRevert().scope();
		Optional<AuditEvent> found = Optional.empty();
		try {
			found = this.events.find(Long.parseLong(id), scope);
		}
		catch (NumberFormatException ex) {
			// no entry has such an id
		}
		AuditEvent event = found.orElseThrow(() -> AuditApiController.notFound("Entry " + id + " does not exist."));
		if (this.reverts != null) {
			this.access.requireAuthoritiesIn(event.tenant(), this.reverts.requiredAuthorities(event));
		}
		return event;
	}

	/** Whether the current reader may revert the entry with the given id. */
	public boolean allows(String id) {
		if (this.reverts == null) {
			return false;
		}
		try {
			require(id);
			return true;
		}
		catch (AuditAccessException | ErrorResponseException ex) {
			return false;
		}
	}

}
