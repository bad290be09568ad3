package io.audittrail.store;

import java.util.Objects;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import io.audittrail.core.AuditEvent;
import io.audittrail.core.TraceContext;

/**
 * An event linked into its chain, as the relay publishes it.
 *
 * @param chainKey the key of the event's chain
 * @param event the event
 * @param position its position in the chain, from 1
 * @param prevHash the hash of its predecessor, or {@code null} for the first event of the
 * chain
 * @param hash its own hash
 * @param trace the trace of the call that produced it, or {@code null}
 */
@API(status = Status.EXPERIMENTAL, since = "0.2")
public record SealedEvent(String chainKey, AuditEvent event, long position, String prevHash, String hash,
		TraceContext trace) {

	public SealedEvent {
		Objects.requireNonNull(chainKey, "chainKey must not be null");
		Objects.requireNonNull(event, "event must not be null");
		Objects.requireNonNull(hash, "hash must not be null");
	}

}
