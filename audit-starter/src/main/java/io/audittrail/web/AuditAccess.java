package io.audittrail.web;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.audittrail.core.AuditEvent;
import io.audittrail.core.TenantScope;
import io.audittrail.spi.TenantAccessPolicy;
import io.audittrail.store.EventQuery;

/**
 * The one decision on who may read and revert the audit log, asked by the JSON API, the
 * admin pages, and the integrity and evidence endpoints alike, so that the pages offer
 * exactly what the API allows. Reading needs the view authority, system-level entries the
 * system authority (when set), and reverting an entry the revert authority, the entry's
 * tenant among those the {@link TenantAccessPolicy} lets the reader revert, and every
 * authority the catalog names for the entry's change, held in that tenant. Not signed in
 * gives 401, anything missing 403. In the open mode of an application without Spring
 * Security, everyone reads everything and nobody reverts. Thread-safe.
 */
final class AuditAccess {

	/** Why nobody reverts in the open mode. */
	static final String OPEN = "The audit log is open for reading without sign-in (audit.web.allow-without-security): "
			+ "reverting a change needs a signed-in reader, with Spring Security.";

	private static final ReaderRights GUEST = new ReaderRights("anonymous", TenantScope.everything(), false);

	private final Readers readers;

	private final Authorities authorities;

	private final Supplier<EventQuery> events;

	private final Supplier<RevertService> reverts;

	private AuditAccess(Readers readers, Authorities authorities, Supplier<EventQuery> events,
			Supplier<RevertService> reverts) {
		this.readers = readers;
		this.authorities = authorities;
		this.events = events;
		this.reverts = reverts;
	}

	/**
	 * Access through Spring Security's current authentication.
	 * @param authorities the authorities needed
	 * @param tenants which tenants a reader may see and revert
	 * @param events reads the entry to revert; answers {@code null} without the JSON API
	 * @param reverts tells the authorities a revert needs; answers {@code null} without
	 * JPA and Envers
	 */
	static AuditAccess withSpringSecurity(Authorities authorities, TenantAccessPolicy tenants,
			Supplier<EventQuery> events, Supplier<RevertService> reverts) {
		return new AuditAccess(new SpringSecurityReaders(tenants), authorities, events, reverts);
	}

	/**
	 * Everyone reads everything as a guest and nobody reverts, since nobody could be
	 * named for the change: only when explicitly allowed, for development.
	 */
	static AuditAccess open() {
		return new AuditAccess(null, null, () -> null, () -> null);
	}

	/**
	 * The current reader, who may read the log.
	 * @throws AuditAccessException when not signed in or without the view authority
	 */
	public ReaderRights requireView() {
		if (this.readers == null) {
			return GUEST;
		}
		SignedIn reader = signedIn();
		require(reader, this.authorities.view(), "Reading the audit log needs the authority '%s'.");
		return new ReaderRights(reader.name(), readable(reader),
				reader.holds(this.authorities.revert()) && !nothing(revertible(reader)));
	}

	/**
	 * The entry with the given id, once the current reader may revert it.
	 * @throws AuditAccessException 401 or 403 when they may not
	 * @throws ErrorResponseException 404 when the entry does not exist or is in a tenant
	 * they may not read
	 */
	public AuditEvent requireRevert(String id) {
		if (this.readers == null) {
			throw new AuditAccessException(HttpStatus.FORBIDDEN, OPEN);
		}
		SignedIn reader = signedIn();
		require(reader, this.authorities.view(), "Reading the audit log needs the authority '%s'.");
		require(reader, this.authorities.revert(), "Reverting a change needs the authority '%s'.");
		AuditEvent event = find(id, readable(reader)).orElseThrow(() -> notFound("Entry " + id + " does not exist."));
		String tenant = event.tenant();
		if (!revertible(reader).includes(tenant)) {
			throw new AuditAccessException(HttpStatus.FORBIDDEN,
					(tenant != null) ? "You may not revert changes in tenant '" + tenant + "'."
							: "You may not revert system-level changes.");
		}
		RevertService reverts = this.reverts.get();
		if (reverts != null) {
			Collection<String> needed = reverts.requiredAuthorities(event);
			Collection<String> held = needed.isEmpty() ? needed : reader.authoritiesIn(tenant);
			for (String authority : needed) {
				if (!held.contains(authority)) {
					throw new AuditAccessException(HttpStatus.FORBIDDEN,
							"Reverting this change needs the authority '" + authority + "'"
									+ ((tenant != null) ? " in tenant '" + tenant + "'" : "") + ", as making it does.");
				}
			}
		}
		requireRevertTogether(reader, event, reverts);
		return event;
	}

	/**
	 * A revert restores every entity of the entry's revision, which holds everything its
	 * transaction changed: the changes of other tenants made in that transaction need the
	 * same rights in their tenants. Their tenants are not named to a reader who may not
	 * revert there.
	 */
	private void requireRevertTogether(SignedIn reader, AuditEvent event, RevertService reverts) {
		EventQuery events = this.events.get();
		if (event.revision() == null || events == null) {
			return;
		}
		TenantScope revertible = revertible(reader);
		for (AuditEvent together : events.forRevisions(List.of(event.revision()), TenantScope.everything())) {
			String tenant = together.tenant();
			if (Objects.equals(tenant, event.tenant())) {
				continue;
			}
			Collection<String> needed = (reverts != null) ? reverts.requiredAuthorities(together) : List.of();
			if (!revertible.includes(tenant) || !reader.authoritiesIn(tenant).containsAll(needed)) {
				throw new AuditAccessException(HttpStatus.FORBIDDEN,
						"This change was made in the same transaction as changes you may not revert, "
								+ "and reverting it would revert them too.");
			}
		}
	}

	/**
	 * Whether the current reader may revert the entry with the given id, as
	 * {@link #requireRevert} decides.
	 */
	public boolean mayRevert(String id) {
		if (this.readers == null || this.reverts.get() == null) {
			return false;
		}
		try {
			requireRevert(id);
			return true;
		}
		catch (AuditAccessException | ErrorResponseException ex) {
			return false;
		}
	}

	/**
	 * The CSRF token the current reader sends with changes.
	 * @param request the current request
	 * @return the token, or {@code null} when there is none
	 */
	public CsrfValue csrf(HttpServletRequest request) {
		return (this.readers != null) ? this.readers.csrf(request) : null;
	}

	private SignedIn signedIn() {
		SignedIn reader = this.readers.signedIn();
		if (reader == null) {
			throw this.readers.notSignedIn("Sign in to read the audit log.");
		}
		return reader;
	}

	private static void require(SignedIn reader, String authority, String message) {
		if (!reader.holds(authority)) {
			throw new AuditAccessException(HttpStatus.FORBIDDEN, message.formatted(authority));
		}
	}

	private TenantScope readable(SignedIn reader) {
		return withSystem(reader, reader.readableTenants());
	}

	private TenantScope revertible(SignedIn reader) {
		return withSystem(reader, reader.revertibleTenants());
	}

	/**
	 * The scope, with the system-level entries only for holders of the system authority
	 * (when set).
	 */
	private TenantScope withSystem(SignedIn reader, TenantScope scope) {
		boolean system = this.authorities.system() == null || reader.holds(this.authorities.system());
		return scope.withSystem(scope.system() && system);
	}

	private static boolean nothing(TenantScope scope) {
		return !scope.everyTenant() && scope.tenants().isEmpty() && !scope.system();
	}

	private Optional<AuditEvent> find(String id, TenantScope scope) {
		EventQuery events = this.events.get();
		try {
			return (events != null) ? events.find(Long.parseLong(id), scope) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			// no entry has such an id
			return Optional.empty();
		}
	}

	private static ErrorResponseException notFound(String detail) {
		ErrorResponseException notFound = new ErrorResponseException(HttpStatus.NOT_FOUND);
		notFound.setDetail(detail);
		return notFound;
	}

	/**
	 * The authorities the audit log asks for.
	 *
	 * @param view needed to read
	 * @param revert needed to revert
	 * @param system needed to see system-level entries; {@code null} when the view
	 * authority suffices
	 */
	record Authorities(String view, String revert, String system) {

	}

	/**
	 * A CSRF token and the request header that carries it.
	 *
	 * @param headerName the header to send the token in
	 * @param token the token
	 */
	public record CsrfValue(String headerName, String token) {

	}

	/**
	 * Where the signed-in reader comes from; kept apart so that the open mode needs no
	 * Spring Security.
	 */
	interface Readers {

		/** The signed-in reader, or {@code null} when nobody is signed in. */
		SignedIn signedIn();

		/** The exception for a caller who is not signed in. */
		AuditAccessException notSignedIn(String message);

		/** The CSRF token of the request, or {@code null}. */
		CsrfValue csrf(HttpServletRequest request);

	}

	/** A signed-in reader, as the decision needs to know them. */
	interface SignedIn {

		String name();

		boolean holds(String authority);

		TenantScope readableTenants();

		TenantScope revertibleTenants();

		Collection<String> authoritiesIn(String tenant);

	}

}
