package io.audittrail.sample.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.audittrail.sample.service.CmsServiceRepository;

/**
 * Makes API key secrets and recognizes them. Only a SHA-256 hash of a secret is stored:
 * the secrets are long random values, so a plain hash is enough to make the stored form
 * useless.
 */
@Component
public class ApiKeys {

	private final SecureRandom random = new SecureRandom();

	private final ApiKeyRepository keys;

	private final CmsServiceRepository services;

	public ApiKeys(ApiKeyRepository keys, CmsServiceRepository services) {
		this.keys = keys;
		this.services = services;
	}

	/** The key whose secret was presented, with the id of its service. */
	@Transactional(readOnly = true)
	public Optional<AuthenticatedKey> authenticate(String secret) {
		return this.keys.findBySecretHash(hash(secret))
			.flatMap((key) -> this.services.findById(key.serviceRef)
				.map((service) -> new AuthenticatedKey(key, service.serviceId)));
	}

	String newSecret() {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An API key that a request presented.
	 *
	 * @param apiKey the key
	 * @param serviceId the id of the service it belongs to
	 */
	public record AuthenticatedKey(ApiKey apiKey, String serviceId) {

	}

}
