package io.audittrail.web;

import java.util.Locale;

import io.audittrail.catalog.OperationCatalog;

/**
 * The language of a request's labels: the best match of its {@code Accept-Language} among
 * the catalog's languages, English when there is none.
 */
final class RequestLanguage {

	private RequestLanguage() {
	}

	static Locale of(String acceptLanguage, OperationCatalog catalog) {
		if (acceptLanguage != null && !acceptLanguage.isBlank()) {
			try {
				Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), catalog.locales());
				if (match != null) {
					return match;
				}
			}
			catch (IllegalArgumentException ex) {
				// a malformed header falls back to English
			}
		}
		return Locale.ENGLISH;
	}

}
