package io.audittrail.spi;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * Tells which fields hold secrets, by name: the one decision behind every value the audit
 * log masks, in bodies, query and path parameters, headers and paths. Names are compared
 * {@linkplain #normalize(String) normalized}. Implementations must be thread-safe and
 * fast; they are called for every field name of every recorded request.
 */
@API(status = Status.STABLE, since = "0.2")
@FunctionalInterface
public interface SecretFields {

	/**
	 * Whether values of the field with this name are masked.
	 * @param name the field's name as the request spells it, never {@code null}
	 */
	boolean isSecret(String name);

	/** Secret fields of this or of the other. */
	default SecretFields or(SecretFields other) {
		return (name) -> isSecret(name) || other.isSecret(name);
	}

	/**
	 * The default: names that contain password, passwd, passphrase, pwd, secret, token,
	 * api key, authorization, session, credential, private key, card number, credit card,
	 * cvv, cvc, csrf or xsrf, and the name card; identifiers ending in id are not secret,
	 * except session ids.
	 */
	static SecretFields defaults() {
		return DefaultSecretFields.INSTANCE;
	}

	/** Fields with one of the given names, compared normalized. */
	static SecretFields named(Collection<String> names) {
		Set<String> normalized = names.stream()
			.map(SecretFields::normalize)
			.filter((name) -> !name.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
		return (normalized.isEmpty()) ? none() : (name) -> normalized.contains(normalize(name));
	}

	/** No field is secret. */
	static SecretFields none() {
		return (name) -> false;
	}

	/**
	 * A name as it is compared: lower case, without {@code _ - . [ ]} and white space, so
	 * that {@code new_password}, {@code newPassword} and {@code user[new-password]} all
	 * contain {@code newpassword}.
	 */
	static String normalize(String name) {
		StringBuilder normalized = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c != '_' && c != '-' && c != '.' && c != '[' && c != ']' && !Character.isWhitespace(c)) {
				normalized.append(c);
			}
		}
		return normalized.toString().toLowerCase(Locale.ROOT);
	}

}
