package io.audittrail.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Catalog labels by language: {@code target.*}, {@code operation.*}, {@code detail.*} and
 * column keys. Labels missing in a language fall back to the default (English) ones.
 */
final class CatalogMessages {

	private final Map<String, String> defaults;

	private final Map<String, Map<String, String>> byLanguage;

	/**
	 * @param defaults the default (English) labels
	 * @param byLanguage labels by ISO language code, such as {@code "ja"}
	 */
	public CatalogMessages(Map<String, String> defaults, Map<String, Map<String, String>> byLanguage) {
		this.defaults = Map.copyOf(defaults);
		this.byLanguage = Map.copyOf(byLanguage);
	}

	/**
	 * The label for the key in the given language, or the default language, if there is
	 * one.
	 */
	public Optional<String> find(String key, Locale locale) {
		if (locale != null) {
			Map<String, String> language = this.byLanguage.get(locale.getLanguage());
			if (language != null && language.containsKey(key)) {
				return Optional.of(language.get(key));
			}
		}
		return Optional.ofNullable(this.defaults.get(key));
	}

	/** Whether the given language has its own label for the key. */
	public boolean has(String key, String language) {
		Map<String, String> labels = "en".equals(language) ? this.defaults : this.byLanguage.get(language);
		return labels != null && labels.containsKey(key);
	}

	/** English followed by every language with labels of its own. */
	public List<Locale> locales() {
		List<Locale> locales = new ArrayList<>();
		locales.add(Locale.ENGLISH);
		this.byLanguage.keySet().stream().sorted().map(Locale::forLanguageTag).forEach(locales::add);
		return List.copyOf(locales);
	}

}
