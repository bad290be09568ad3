import en from './i18n/en.js';
import ja from './i18n/ja.js';

const dictionaries = { en, ja };
const STORAGE_KEY = 'audittrail.lang';

function initialLanguage() {
  const stored = safeStorage(() => localStorage.getItem(STORAGE_KEY));
  if (stored && dictionaries[stored]) {
    return stored;
  }
  const preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const primary = String(tag || '').toLowerCase().split('-')[0];
    if (dictionaries[primary]) {
      return primary;
    }
  }
  return 'en';
}

function safeStorage(action) {
  try {
    return action();
  } catch {
    return null;
  }
}

let current = initialLanguage();

/** The language the pages speak: 'en' or 'ja'. */
export function language() {
  return current;
}

/** Switches the language and remembers the choice in this browser. */
export function setLanguage(lang) {
  if (!dictionaries[lang]) {
    return;
  }
  current = lang;
  safeStorage(() => localStorage.setItem(STORAGE_KEY, lang));
}

/** The interface string for a key, with {placeholders} replaced. */
export function t(key, params = {}) {
  const text = dictionaries[current][key] ?? dictionaries.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** A date and time in the reader's time zone and language. */
export function formatDateTime(iso) {
  if (!iso) {
    return t('common.none');
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return String(iso);
  }
  return new Intl.DateTimeFormat(current === 'ja' ? 'ja-JP' : 'en-GB', {
    year: 'numeric', month: 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short',
  }).format(date);
}

/** Applies the interface strings to elements marked with data-i18n / data-i18n-label. */
export function translateStatic(root = document) {
  document.documentElement.lang = current;
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll('[data-i18n-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  }
}
