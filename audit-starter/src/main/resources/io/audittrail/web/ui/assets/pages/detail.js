import { api } from '../api.js';
import { h, link, replaceChildren, displayValue, eventHref, historyHref, announce } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { badge, catalogOrEmpty, entityTypeLabel, enumLabel, errorBox, fieldLabel, formatValue, modal, pageHeading } from '../common.js';
import { listHref } from './list.js';

function row(label, value) {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  return [h('dt', {}, label), h('dd', {}, value instanceof Node ? value : String(value))];
}

function entityLink(cat, type, id, name) {
  return link(historyHref(type, id), `${entityTypeLabel(cat, type)} ${name || id}`);
}

function actorText(actor, words) {
  const kind = actor.type === 'API_KEY' ? words.apiClient : actor.type === 'MEMBER' ? words.user : enumLabel('actorType', actor.type);
  return actor.name ? `${actor.name} · ${kind}` : kind;
}

function summary(event, cat) {
  const entity = event.entity;
  const actor = event.actor || {};
  const words = cat.vocabulary;
  return h('section', { class: 'card', 'aria-labelledby': 'summary-title' },
    h('h2', { id: 'summary-title' }, t('detail.summary')),
    h('dl', { class: 'facts' },
      row(t('detail.occurredAt'), h('time', { datetime: event.occurredAt }, formatDateTime(event.occurredAt))),
      row(t('detail.operation'), event.operationLabel || event.operation),
      row(t('detail.outcome'), event.outcome ? badge('outcome', event.outcome, enumLabel('outcome', event.outcome)) : null),
      row(words.user, actorText(actor, words)),
      row(words.tenant, event.tenant),
      row(words.entity, entity && entity.type && entity.id != null ? entityLink(cat, entity.type, entity.id, entity.name) : null),
      row(t('detail.ip'), event.ip),
      row(t('detail.requestId'), event.requestId),
      row(t('detail.trace'), event.trace ? event.trace.traceId : null),
      row(t('detail.error'), event.error)),
    detailItems(event, cat.detailLabels));
}

function detailItems(event, labels) {
  const entries = Object.entries(event.details || {});
  if (!entries.length) {
    return null;
  }
  return [h('h3', {}, t('detail.details')),
    h('dl', { class: 'facts' }, entries.map(([name, value]) => row(labels[name] || name,
      name === 'reverted_event_id' && value ? link(eventHref(value), t('detail.revertOfLink', { id: value })) : displayValue(value))))];
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

/** The fields of a change: an update shows before and after, a creation or deletion its one state. */
function changeTable(change, cat) {
  const fields = change.fields || [];
  const kind = change.kind || 'MOD';
  const changedCount = fields.filter((candidate) => candidate.changed).length;
  const title = `${entityTypeLabel(cat, change.entityType)} ${change.entityId}`;
  const single = kind !== 'MOD';
  return h('article', { class: 'change', dataset: { entityType: change.entityType, entityId: change.entityId } },
    h('header', { class: 'change-head' },
      h('h3', {}, title),
      badge('kind', kind, enumLabel('kind', kind)),
      changedCount ? h('span', { class: 'muted' }, t('detail.changedCount', { count: changedCount })) : null,
      h('a', { href: historyHref(change.entityType, change.entityId), class: 'history-link' }, t('detail.history'))),
    h('div', { class: 'table-scroll' },
      h('table', { class: `diff${single ? ' diff-single' : ''}` },
        h('caption', { class: 'visually-hidden' }, title),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('detail.field')),
          single ? h('th', { scope: 'col' }, t('detail.value')) : [
            h('th', { scope: 'col' }, t('detail.before')),
            h('th', { scope: 'col' }, t('detail.after'))])),
        h('tbody', {}, fields.map((candidate) => {
          const isChanged = !single && candidate.changed;
          return h('tr', { class: isChanged ? 'changed' : null, dataset: { field: candidate.path } },
            h('th', { scope: 'row' }, fieldLabel(candidate), isChanged ? h('span', { class: 'changed-mark' }, t('detail.changed')) : null),
            single
              ? h('td', { class: kind === 'ADD' ? 'after' : 'before' }, h('span', { class: 'value' }, formatValue(kind === 'ADD' ? candidate.after : candidate.before)))
              : [h('td', { class: 'before' }, h('span', { class: 'value' }, formatValue(candidate.before))),
                h('td', { class: 'after' }, h('span', { class: 'value' }, formatValue(candidate.after)))]);
        })))));
}

function changesSection(event, cat) {
  const changes = event.changes || [];
  return h('section', { class: 'card', 'aria-labelledby': 'changes-title', id: 'changes' },
    h('h2', { id: 'changes-title' }, t('detail.changes')),
    changes.length ? changes.map((change) => changeTable(change, cat)) : h('p', { class: 'muted' }, t('detail.noChanges')));
}

/** What a revert will do, entity by entity: the fields it restores, or the entity it deletes or creates again. */
function revertPlan(event, cat) {
  const changes = event.changes || [];
  return h('div', { id: 'revert-plan' },
    h('p', {}, t('detail.revertText')),
    changes.length > 1 ? h('p', { class: 'notice notice-info', id: 'revert-bulk' }, t('detail.revertBulk', { count: changes.length })) : null,
    h('ul', { class: 'revert-list' }, changes.map((change) => {
      const title = `${entityTypeLabel(cat, change.entityType)} ${change.entityId}`;
      if (change.kind === 'ADD') {
        return h('li', {}, h('strong', {}, title), ' ', t('detail.revertDelete'));
      }
      if (change.kind === 'DEL') {
        return h('li', {}, h('strong', {}, title), ' ', t('detail.revertRecreate'));
      }
      return h('li', {}, h('strong', {}, title),
        h('ul', {}, (change.fields || []).filter((candidate) => candidate.changed).map((candidate) => h('li', { dataset: { field: candidate.path } },
          t('detail.revertRestore', { field: fieldLabel(candidate), now: formatValue(candidate.after), restored: formatValue(candidate.before) })))));
    })));
}

function revertControl(event, cat, result) {
  const button = h('button', { type: 'button', class: 'button button-danger', id: 'revert' }, t('detail.revert'));
  button.addEventListener('click', () => {
    const confirm = h('button', { type: 'button', class: 'button button-danger', id: 'revert-confirm' }, t('detail.revertConfirm'));
    const dialog = modal({
      title: t('detail.revertTitle'),
      body: revertPlan(event, cat),
      actions: [h('button', { type: 'button', class: 'button', id: 'revert-cancel', onclick: () => dialog.close() }, t('common.cancel')), confirm],
    });
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        const created = await api.post(`events/${encodeURIComponent(event.id)}/revert`);
        const id = created && (created.id ?? (created.event && created.event.id));
        dialog.close();
        replaceChildren(result, h('div', { class: 'notice notice-success', role: 'status', id: 'revert-result' },
          h('p', {}, t('detail.reverted')),
          id != null ? link(eventHref(id), t('detail.openNew')) : null));
        button.disabled = true;
        announce(t('detail.reverted'));
      } catch (error) {
        dialog.close();
        replaceChildren(result, h('div', { class: 'notice notice-error', role: 'alert', id: 'revert-result' },
          h('strong', { class: 'error-title' }, error.title || t('error.conflictTitle')),
          h('p', { class: 'error-detail' }, error.message)));
      }
    });
  });
  return button;
}

/** The links between a change and its reverts, both ways. */
function revertLinks(event) {
  const notices = [];
  const reverted = event.details && event.details.reverted_event_id;
  if (event.operation === 'audit.revert' && reverted) {
    const anchor = link(eventHref(reverted), t('detail.revertOfLink', { id: reverted }));
    const [before, after] = t('detail.revertOf', { link: '\u0000' }).split('\u0000');
    notices.push(h('p', { class: 'notice notice-info', id: 'revert-of' }, before, anchor, after));
  }
  for (const revert of event.revertedBy || []) {
    notices.push(h('p', { class: 'notice notice-info reverted-by', id: 'reverted-by' },
      t('detail.revertedBy', { actor: (revert.actor && revert.actor.name) || enumLabel('actorType', revert.actor && revert.actor.type),
        when: formatDateTime(revert.occurredAt) }), ' ',
      link(eventHref(revert.id), t('detail.openRevert'))));
  }
  return notices;
}

export async function renderDetail(main, id, reader) {
  let event;
  const back = h('p', { class: 'breadcrumb' }, link(listHref(), t('common.back')));
  const [loaded, cat, access] = await Promise.all([
    api.get(`events/${encodeURIComponent(id)}`).catch((error) => error),
    catalogOrEmpty(),
    // the revert endpoint's own decision for this entry, so the button shows exactly when it is allowed
    reader && reader.canRevert ? api.get('me', { event: id }).catch(() => null) : null,
  ]);
  const revertible = Boolean(access && access.canRevert);
  if (loaded instanceof Error) {
    replaceChildren(main, back, pageHeading(loaded.title || t('error.title')), errorBox(loaded));
    return;
  }
  event = loaded;
  const result = h('div', { class: 'revert-result' });
  const canRevert = revertible && (event.changes || []).length > 0;
  replaceChildren(main,
    back,
    h('div', { class: 'page-head' },
      h('div', {},
        pageHeading(`${event.operationLabel || event.operation}`),
        h('p', { class: 'muted' }, t('detail.title', { id: event.id }))),
      canRevert ? h('div', { class: 'toolbar' }, revertControl(event, cat, result)) : null),
    revertLinks(event),
    result,
    h('div', { class: 'detail-grid' }, summary(event, cat), requestSection(event.request)),
    changesSection(event, cat));
}
