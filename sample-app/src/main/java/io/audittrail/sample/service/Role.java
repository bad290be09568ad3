package io.audittrail.sample.service;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * A role of a service and the permissions it grants.
 */
@Entity
@Audited
public class Role {

	@Id
	@GeneratedValue
	public Long id;

	public Long serviceRef;

	public String name;

	public boolean builtIn;

	@Column(length = 1000)
	public String permissions;

	/** The authorities this role grants. */
	public Set<String> grantedPermissions() {
		if (this.permissions == null || this.permissions.isBlank()) {
			return Set.of();
		}
		return new LinkedHashSet<>(Arrays.asList(this.permissions.split(",")));
	}

}
