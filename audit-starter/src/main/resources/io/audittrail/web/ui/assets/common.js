import { api } from './api.js';
import { h, announce } from './dom.js';
import { formatDateTime, language, t } from './i18n.js';

const RETURN_KEY = 'audittrail.returnTo';

/**
 * An error state with a title that says what kind of failure it was; an ended session offers to
 * sign in again and come back to the same page.
 */
export function errorBox(error) {
  const status = error && error.status;
  return h('div', { class: 'notice notice-error', role: 'alert' },
    h('strong', { class: 'error-title' }, (error && error.title) || t('error.title')),
    h('p', { class: 'error-detail' }, error && error.message ? error.message : t('error.network')),
    status === 401 ? h('p', {}, signInLink()) : null);
}

function signInLink() {
  // loading the pages' own address again passes through the application's sign-in
  return h('a', { href: document.baseURI, class: 'button button-primary', id: 'sign-in-again',
    onclick: () => safeSession(() => sessionStorage.setItem(RETURN_KEY, window.location.hash)) }, t('error.signIn'));
}

/** After signing in again, back to the page the reader was on. */
export function returnAfterSignIn() {
  const hash = safeSession(() => sessionStorage.getItem(RETURN_KEY));
  if (hash) {
    safeSession(() => sessionStorage.removeItem(RETURN_KEY));
    if (!window.location.hash || window.location.hash === '#/') {
      window.history.replaceState(null, '', hash);
    }
  }
}

export function safeSession(action) {
  try {
    return action();
  } catch {
    return null;
  }
}

/** A page heading that takes the focus, so keyboard and screen-reader users land on the new page. */
export function pageHeading(text) {
  return h('h1', { tabindex: '-1', class: 'page-title' }, text);
}

/**
 * A modal dialog built on <dialog>: focus moves into it, Escape closes it, focus returns to the
 * element that opened it.
 */
export function modal({ title, body, actions, onClose }) {
  const titleId = `dialog-title-${Math.random().toString(36).slice(2)}`;
  const opener = document.activeElement;
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, title),
    body,
    h('div', { class: 'dialog-actions' }, actions));
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (onClose) {
      onClose();
    }
    if (opener && typeof opener.focus === 'function') {
      opener.focus();
    }
  });
  document.body.appendChild(dialog);
  dialog.showModal();
  return dialog;
}

/** A labelled text of an enum value: 'action.CREATE' → 'Created'. */
export function enumLabel(prefix, value) {
  return value ? t(`${prefix}.${value}`) : t('common.none');
}

export function badge(kind, value, text) {
  return h('span', { class: `badge badge-${kind}-${String(value).toLowerCase()}` }, text);
}

const catalogs = {};

/**
 * The catalog in the reader's language, loaded once per language: targets with their operations,
 * detail item labels, and the application's words for users, API clients, tenants and entities.
 */
export async function catalog() {
  const lang = language();
  if (!catalogs[lang]) {
    catalogs[lang] = api.get('operations').then((loaded) => {
      const targets = (loaded && loaded.targets) || [];
      const detailLabels = {};
      for (const item of (loaded && loaded.detailItems) || []) {
        detailLabels[item.id] = item.label;
      }
      return {
        targets: targets.map((target) => ({
          id: target.id,
          label: target.label || target.id,
          entityType: target.entityType || null,
          operations: (target.operations || []).map((operation) => ({ ...operation, label: operation.label || operation.id })),
        })),
        detailLabels,
        vocabulary: { user: t('col.member'), apiClient: t('col.apiKey'), tenant: t('col.tenant'), entity: t('col.entity'),
          ...((loaded && loaded.vocabulary) || {}) },
      };
    }).catch((error) => {
      delete catalogs[lang];
      throw error;
    });
  }
  return catalogs[lang];
}

/** The catalog, or an empty one when it cannot be read: pages still show what they can. */
export async function catalogOrEmpty() {
  try {
    return await catalog();
  } catch {
    return { targets: [], detailLabels: {},
      vocabulary: { user: t('col.member'), apiClient: t('col.apiKey'), tenant: t('col.tenant'), entity: t('col.entity') } };
  }
}

/** The label of an entity type: its catalog target's, else the type itself. */
export function entityTypeLabel(cat, type) {
  const target = cat.targets.find((candidate) => candidate.entityType === type);
  return target ? target.label : type;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A recorded value as a reader reads it: times in their zone, nothing as "(empty)", relations by
 * name, lists joined, other objects as compact JSON.
 */
export function formatValue(value) {
  if (value === null || value === undefined || value === '') {
    return t('common.empty');
  }
  if (typeof value === 'string') {
    return ISO_INSTANT.test(value) ? formatDateTime(value) : value;
  }
  if (typeof value === 'number' && value > 1e12 && value < 1e14) {
    return String(value);
  }
  if (Array.isArray(value)) {
    return value.length ? value.map(formatValue).join(', ') : t('common.empty');
  }
  if (typeof value === 'object') {
    if ('id' in value && Object.keys(value).length <= 2) {
      return value.name ? `${value.name} (${value.id})` : String(value.id);
    }
    return JSON.stringify(value);
  }
  return String(value);
}

/** A field's label: the application's, else its path. */
export function fieldLabel(field) {
  return field.label || field.path;
}

export { announce };
