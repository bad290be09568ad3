import { api } from '../api.js';
import { h, link, replaceChildren, eventHref } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { badge, catalogOrEmpty, entityTypeLabel, enumLabel, errorBox, fieldLabel, formatValue, pageHeading } from '../common.js';
import { listHref } from './list.js';

/** What changed in one step: "data.title: Hello → Hello 2", or a creation's values. */
function changedFields(change) {
  if (!change) {
    return null;
  }
  const fields = change.fields || [];
  if (change.kind === 'ADD') {
    const set = fields.filter((candidate) => candidate.after !== null && candidate.after !== undefined && candidate.after !== '');
    return set.length ? h('p', { class: 'timeline-fields' }, h('span', { class: 'muted' }, `${t('history.created')}: `),
      set.map((candidate) => `${fieldLabel(candidate)}: ${formatValue(candidate.after)}`).join('; ')) : null;
  }
  const changed = fields.filter((candidate) => candidate.changed);
  return changed.length ? h('ul', { class: 'timeline-fields' }, changed.map((candidate) => h('li', { dataset: { field: candidate.path } },
    `${fieldLabel(candidate)}: ${formatValue(candidate.before)} → ${formatValue(candidate.after)}`))) : null;
}

function timelineItem(item) {
  const event = item.event;
  const change = item.change;
  const actor = item.actor || (event && event.actor) || {};
  const title = event
    ? link(eventHref(event.id), event.operationLabel || event.operation)
    : h('span', {}, t('history.unrecorded'));
  return h('li', { class: 'timeline-item', dataset: { id: event ? event.id : '', revision: item.revision ?? '' } },
    h('div', { class: 'timeline-when' }, h('time', { datetime: item.occurredAt }, formatDateTime(item.occurredAt))),
    h('div', { class: 'timeline-body' },
      h('p', { class: 'timeline-title' },
        title,
        change && change.kind ? badge('kind', change.kind, enumLabel('kind', change.kind)) : null,
        event && event.outcome && event.outcome !== 'SUCCESS' ? badge('outcome', event.outcome, enumLabel('outcome', event.outcome)) : null),
      h('p', { class: 'muted' }, actor.name || enumLabel('actorType', actor.type)),
      changedFields(change)));
}

/** The entity's name as its entries recorded it, for the page's title. */
function entityName(items, type) {
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const entity = items[index].event && items[index].event.entity;
    if (entity && entity.type === type && entity.name) {
      return entity.name;
    }
  }
  return null;
}

export async function renderHistory(main, type, id) {
  const back = h('p', { class: 'breadcrumb' }, link(listHref(), t('common.back')));
  const [history, cat] = await Promise.all([
    api.get(`entities/${encodeURIComponent(type)}/${encodeURIComponent(id)}/history`).catch((error) => error),
    catalogOrEmpty(),
  ]);
  const label = entityTypeLabel(cat, type);
  if (history instanceof Error) {
    replaceChildren(main, back, pageHeading(t('history.title', { entity: `${label} ${id}` })), errorBox(history));
    return;
  }
  const items = (history && history.items) || [];
  const name = entityName(items, type);
  replaceChildren(main,
    back,
    h('div', { class: 'page-head' },
      h('div', {}, pageHeading(t('history.title', { entity: `${label} ${name || id}` })), h('p', { class: 'muted' }, t('history.intro')))),
    items.length
      ? h('ol', { class: 'timeline', id: 'timeline' }, items.map(timelineItem))
      : h('div', { class: 'empty', id: 'empty-state' }, h('p', { class: 'empty-title' }, t('history.empty'))));
}
