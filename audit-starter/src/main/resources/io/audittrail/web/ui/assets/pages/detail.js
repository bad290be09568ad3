import { api } from '../api.js';
import { h, link, replaceChildren, displayValue, eventHref, historyHref, announce } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { badge, enumLabel, errorBox, modal, pageHeading } from '../common.js';

function row(label, value) {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  return [h('dt', {}, label), h('dd', {}, value instanceof Node ? value : String(value))];
}

function entityLink(type, id, name) {
  return link(historyHref(type, id), name || `${type} ${id}`);
}

function summary(event, labels) {
  const entity = event.entity;
  const actor = event.actor || {};
  return h('section', { class: 'card', 'aria-labelledby': 'summary-title' },
    h('h2', { id: 'summary-title' }, t('detail.summary')),
    h('dl', { class: 'facts' },
      row(t('detail.occurredAt'), h('time', { datetime: event.occurredAt }, formatDateTime(event.occurredAt))),
      row(t('detail.operation'), `${event.operationLabel || event.operation} (${event.operation})`),
      row(t('detail.outcome'), event.outcome ? badge('outcome', event.outcome, enumLabel('outcome', event.outcome)) : null),
      row(t('detail.actor'), actor.name ? `${actor.name} · ${enumLabel('actorType', actor.type)}` : enumLabel('actorType', actor.type)),
      row(t('detail.tenant'), event.tenant),
      row(t('detail.entity'), entity && entity.type && entity.id != null ? entityLink(entity.type, entity.id, entity.name) : null),
      row(t('detail.ip'), event.ip),
      row(t('detail.requestId'), event.requestId),
      row(t('detail.revision'), event.revision),
      row(t('detail.error'), event.error)),
    detailItems(event, labels));
}

function detailItems(event, labels) {
  const entries = Object.entries(event.details || {});
  if (!entries.length) {
    return null;
  }
  return [h('h3', {}, t('detail.details')),
    h('dl', { class: 'facts' }, entries.map(([name, value]) => row(labels[name] || name, displayValue(value))))];
}

function requestSection(request) {
  if (!request) {
    return null;
  }
  const known = ['method', 'path', 'status', 'resource', 'authType'];
  const rest = Object.entries(request).filter(([name, value]) => !known.includes(name) && value !== null && value !== undefined);
  return h('section', { class: 'card', 'aria-labelledby': 'request-title', id: 'request' },
    h('h2', { id: 'request-title' }, t('detail.request')),
    h('dl', { class: 'facts' },
      row(t('col.method'), request.method),
      row(t('col.path'), request.path),
      row(t('col.status'), request.status),
      row(t('col.resource'), request.resource),
      row(t('col.authType'), request.authType),
      rest.map(([name, value]) => row(name, typeof value === 'object' ? h('pre', { class: 'code' }, displayValue(value)) : value))));
}

function changeTable(change) {
  const before = change.before || {};
  const after = change.after || {};
  const changed = new Set(change.changedFields || []);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const title = `${change.entityType} ${change.entityId}`;
  return h('article', { class: 'change', dataset: { entityType: change.entityType, entityId: change.entityId } },
    h('header', { class: 'change-head' },
      h('h3', {}, title),
      badge('kind', change.kind || 'MOD', enumLabel('kind', change.kind)),
      changed.size ? h('span', { class: 'muted' }, t('detail.changedCount', { count: changed.size })) : null,
      h('a', { href: historyHref(change.entityType, change.entityId), class: 'history-link' }, t('detail.history'))),
    h('div', { class: 'table-scroll' },
      h('table', { class: 'diff' },
        h('caption', { class: 'visually-hidden' }, title),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('detail.field')),
          h('th', { scope: 'col' }, t('detail.before')),
          h('th', { scope: 'col' }, t('detail.after')))),
        h('tbody', {}, fields.map((name) => {
          const isChanged = changed.has(name);
          return h('tr', { class: isChanged ? 'changed' : null, dataset: { field: name } },
            h('th', { scope: 'row' }, name, isChanged ? h('span', { class: 'changed-mark' }, t('detail.changed')) : null),
            h('td', { class: 'before' }, h('span', { class: 'value' }, displayValue(before[name]))),
            h('td', { class: 'after' }, h('span', { class: 'value' }, displayValue(after[name]))));
        })))));
}

function changesSection(event) {
  const changes = event.changes || [];
  return h('section', { class: 'card', 'aria-labelledby': 'changes-title', id: 'changes' },
    h('h2', { id: 'changes-title' }, t('detail.changes')),
    changes.length ? changes.map(changeTable) : h('p', { class: 'muted' }, t('detail.noChanges')));
}

function revertControl(event, result) {
  const button = h('button', { type: 'button', class: 'button button-danger', id: 'revert' }, t('detail.revert'));
  button.addEventListener('click', () => {
    const confirm = h('button', { type: 'button', class: 'button button-danger', id: 'revert-confirm' }, t('detail.revertConfirm'));
    const dialog = modal({
      title: t('detail.revertTitle'),
      body: h('p', {}, t('detail.revertText')),
      actions: [h('button', { type: 'button', class: 'button', id: 'revert-cancel', onclick: () => dialog.close() }, t('common.cancel')), confirm],
    });
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        const created = await api.post(`events/${encodeURIComponent(event.id)}/revert`);
        const id = created && (created.id ?? (created.event && created.event.id));
        dialog.close();
        replaceChildren(result, h('div', { class: 'notice notice-success', role: 'status', id: 'revert-result' },
          h('p', {}, t('detail.reverted', { id })),
          id != null ? link(eventHref(id), t('detail.openNew')) : null));
        button.disabled = true;
        announce(t('detail.reverted', { id }));
      } catch (error) {
        dialog.close();
        replaceChildren(result, h('div', { class: 'notice notice-error', role: 'alert', id: 'revert-result' },
          h('strong', {}, t('detail.revertFailed')),
          h('p', { class: 'error-detail' }, error.message)));
      }
    });
  });
  return button;
}

export async function renderDetail(main, id, reader) {
  let event;
  let labels = {};
  let revertible = false;
  try {
    const [loaded, catalog, access] = await Promise.all([
      api.get(`events/${encodeURIComponent(id)}`),
      api.get('operations').catch(() => null),
      // the revert endpoint's own decision for this entry, so the button shows exactly when it is allowed
      reader && reader.canRevert ? api.get('me', { event: id }).catch(() => null) : null,
    ]);
    event = loaded;
    revertible = Boolean(access && access.canRevert);
    for (const item of (catalog && catalog.detailItems) || []) {
      labels[item.id] = item.label;
    }
  } catch (error) {
    replaceChildren(main, h('p', {}, link('#/', t('common.back'))), pageHeading(t('detail.title', { id })), errorBox(error));
    return;
  }
  const result = h('div', { class: 'revert-result' });
  const canRevert = revertible && (event.changes || []).length > 0;
  replaceChildren(main,
    h('p', { class: 'breadcrumb' }, link('#/', t('common.back'))),
    h('div', { class: 'page-head' },
      h('div', {},
        pageHeading(`${event.operationLabel || event.operation}`),
        h('p', { class: 'muted' }, t('detail.title', { id: event.id }))),
      canRevert ? h('div', { class: 'toolbar' }, revertControl(event, result)) : null),
    result,
    h('div', { class: 'detail-grid' }, summary(event, labels), requestSection(event.request)),
    changesSection(event));
}
