package io.audittrail.core;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * The entity an event is about.
 *
 * @param type the entity type, such as the JPA entity name {@code "Content"}
 * @param id the entity's id as text
 * @param name the entity's display name, such as a title; may be {@code null}
 */
@API(status = Status.STABLE, since = "0.2")
public record EntityRef(String type, String id, String name) {

}
