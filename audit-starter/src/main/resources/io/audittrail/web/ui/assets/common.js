import { h, announce } from './dom.js';
import { t } from './i18n.js';

/** An error state: the problem detail's text when the server sent one. */
export function errorBox(error) {
  return h('div', { class: 'notice notice-error', role: 'alert' },
    h('strong', {}, t('error.title')),
    h('p', { class: 'error-detail' }, error && error.message ? error.message : t('error.network')));
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

export { announce };
