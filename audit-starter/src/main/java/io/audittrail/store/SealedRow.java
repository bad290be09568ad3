package io.audittrail.store;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * An event with its place in its tenant's hash chain, as its seal row records it.
 *
 * @param event the event as stored
 * @param position the event's position in its chain, from 1
 * @param prevHash the hash of the event before it, {@code null} for the first event of a
 * chain
 * @param hash the event's hash, as lowercase hex
 * @param encoding the encoding the hash was made with, such as {@code audit-event-v2}
 */
@API(status = Status.INTERNAL, since = "0.2")
public record SealedRow(EventRow event, long position, String prevHash, String hash, String encoding) {

}
