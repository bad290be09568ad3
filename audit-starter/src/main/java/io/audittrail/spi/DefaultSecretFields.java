package io.audittrail.spi;

import java.util.List;

/**
 * The default secret fields: names that contain a word that secrets are named with.
 */
final class DefaultSecretFields implements SecretFields {

	static final DefaultSecretFields INSTANCE = new DefaultSecretFields();

	private static final List<String> SECRET_WORDS = List.of("password", "passwd", "passphrase", "pwd", "secret",
			"token", "apikey", "authorization", "session", "credential", "privatekey", "cardnumber", "cardno",
			"creditcard", "cvv", "cvc", "csrf", "xsrf");

	private DefaultSecretFields() {
	}

	@Override
	public boolean isSecret(String name) {
		String normalized = SecretFields.normalize(name);
		if (normalized.equals("card")) {
			return true;
		}
		// an identifier of a secret (apiKeyId, tokenId) is no secret, a session id is
		if ((normalized.endsWith("id") || normalized.endsWith("ids")) && !normalized.contains("session")) {
			return false;
		}
		for (String word : SECRET_WORDS) {
			if (normalized.contains(word)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return "SecretFields.defaults()";
	}

}
