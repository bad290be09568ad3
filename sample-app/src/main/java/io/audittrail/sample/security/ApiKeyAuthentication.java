package io.audittrail.sample.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import io.audittrail.core.Actor;
import io.audittrail.core.AuditPrincipal;

/**
 * A request authenticated by an API key: recorded in the audit log under the key's name.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken implements AuditPrincipal {

	private final Long apiKeyId;

	private final String apiKeyName;

	private final String serviceId;

	ApiKeyAuthentication(Long apiKeyId, String apiKeyName, String serviceId) {
		super(List.of());
		this.apiKeyId = apiKeyId;
		this.apiKeyName = apiKeyName;
		this.serviceId = serviceId;
		setAuthenticated(true);
	}

	/** The id of the service the key belongs to. */
	public String serviceId() {
		return this.serviceId;
	}

	@Override
	public Actor auditActor() {
		return Actor.apiKey(String.valueOf(this.apiKeyId), this.apiKeyName);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return this.apiKeyName;
	}

}
