package io.audittrail.sample.schema;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.audittrail.annotation.Audited.Detail;
import io.audittrail.annotation.Audited;
import io.audittrail.sample.service.Services;
import io.audittrail.sample.web.NotFoundException;

/**
 * Creates, renames and deletes API keys.
 */
@Service
@Transactional
public class ApiKeyOperations {

	private final Services services;

	private final ApiKeyRepository keys;

	private final ApiKeys secrets;

	public ApiKeyOperations(Services services, ApiKeyRepository keys, ApiKeys secrets) {
		this.services = services;
		this.keys = keys;
		this.secrets = secrets;
	}

	/** Creates a key; its secret is in the result only, never stored. */
	@Audited(value = "api_key.create", entityId = "#result?.apiKey()?.id", entityName = "#name",
			details = { @Detail(name = "api_key_id", value = "#result?.apiKey()?.id"),
					@Detail(name = "api_key_name", value = "#name") })
	public NewApiKey create(String serviceId, String name, boolean writeAllowed) {
		String secret = this.secrets.newSecret();
		ApiKey key = new ApiKey();
		key.serviceRef = this.services.require(serviceId).id;
		key.name = name;
		key.writeAllowed = writeAllowed;
		key.secretHash = ApiKeys.hash(secret);
		return new NewApiKey(this.keys.save(key), secret);
	}

	@Audited(value = "api_key.update", entityId = "#keyId", entityName = "#name", details = {
			@Detail(name = "api_key_id", value = "#keyId"), @Detail(name = "api_key_name", value = "#name") })
	public ApiKey update(String serviceId, Long keyId, String name, boolean writeAllowed) {
		ApiKey key = key(serviceId, keyId);
		key.name = name;
		key.writeAllowed = writeAllowed;
		return key;
	}

	@Audited(value = "api_key.delete", entityId = "#keyId", entityName = "#result?.name", details = {
			@Detail(name = "api_key_id", value = "#keyId"), @Detail(name = "api_key_name", value = "#result?.name") })
	public ApiKey delete(String serviceId, Long keyId) {
		ApiKey key = key(serviceId, keyId);
		this.keys.delete(key);
		return key;
	}

	private ApiKey key(String serviceId, Long keyId) {
		return this.keys.findByIdAndServiceRef(keyId, this.services.require(serviceId).id)
			.orElseThrow(() -> new NotFoundException("API key", keyId));
	}

	/**
	 * A key just created, with its secret.
	 *
	 * @param apiKey the stored key
	 * @param secret the secret to show once
	 */
	public record NewApiKey(ApiKey apiKey, String secret) {

	}

}
