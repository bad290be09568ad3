package io.audittrail.capture;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/**
 * The Envers revision entity of the starter: each revision also records who made it, for
 * which tenant, from where, and which entity types changed in it.
 */
@API(status = Status.EXPERIMENTAL, since = "0.2")
@Entity
@Table(name = "audit_revision")
@RevisionEntity(AuditRevisionListener.class)
public class AuditRevision {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_revision_seq")
	@SequenceGenerator(name = "audit_revision_seq", sequenceName = "audit_revision_seq", allocationSize = 50)
	@RevisionNumber
	private long id;

	@RevisionTimestamp
	@Column(name = "rev_timestamp", nullable = false)
	private long timestamp;

	@Column(name = "actor_type", length = 16)
	private String actorType;

	@Column(name = "actor_id")
	private String actorId;

	@Column(name = "actor_name")
	private String actorName;

	@Column(name = "tenant")
	private String tenant;

	@Column(name = "ip", length = 64)
	private String ip;

	@Column(name = "request_id", length = 64)
	private String requestId;

	@Column(name = "entity_types", length = 2000)
	private String entityTypes;

	@Transient
	private final Set<String> changedTypes = new LinkedHashSet<>();

	public long getId() {
		return this.id;
	}

	public long getTimestamp() {
		return this.timestamp;
	}

	public String getActorType() {
		return this.actorType;
	}

	public String getActorId() {
		return this.actorId;
	}

	public String getActorName() {
		return this.actorName;
	}

	public String getTenant() {
		return this.tenant;
	}

	public String getIp() {
		return this.ip;
	}

	public String getRequestId() {
		return this.requestId;
	}

	/** The entity types that changed in this revision, comma-separated. */
	public String getEntityTypes() {
		return this.entityTypes;
	}

	void describe(EventContext context) {
		this.actorType = context.actor().type().name();
		this.actorId = context.actor().id();
		this.actorName = context.actor().name();
		this.tenant = context.tenant();
		this.ip = context.origin().ip();
		this.requestId = context.origin().requestId();
	}

	void entityTypeChanged(String entityType) {
		if (this.changedTypes.add(entityType)) {
			this.entityTypes = String.join(",", this.changedTypes);
		}
	}

}
