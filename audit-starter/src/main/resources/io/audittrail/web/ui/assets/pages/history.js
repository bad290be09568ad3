import { api } from '../api.js';
import { h, link, replaceChildren, eventHref } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { badge, enumLabel, errorBox, pageHeading } from '../common.js';

function timelineItem(item) {
  const event = item.event;
  const change = item.change;
  const actor = item.actor || (event && event.actor) || {};
  const fields = change && change.changedFields && change.changedFields.length ? change.changedFields : null;
  const title = event
    ? link(eventHref(event.id), event.operationLabel || event.operation)
    : h('span', {}, t('history.revision', { revision: item.revision }));
  return h('li', { class: 'timeline-item', dataset: { id: event ? event.id : '', revision: item.revision ?? '' } },
    h('div', { class: 'timeline-when' }, h('time', { datetime: item.occurredAt }, formatDateTime(item.occurredAt))),
    h('div', { class: 'timeline-body' },
      h('p', { class: 'timeline-title' },
        title,
        change && change.kind ? badge('kind', change.kind, enumLabel('kind', change.kind)) : null,
        event && event.outcome && event.outcome !== 'SUCCESS' ? badge('outcome', event.outcome, enumLabel('outcome', event.outcome)) : null),
      h('p', { class: 'muted' }, [actor.name || enumLabel('actorType', actor.type), event && event.entity && event.entity.name]
        .filter(Boolean).join(' · ')),
      fields ? h('p', { class: 'timeline-fields' }, h('span', { class: 'muted' }, `${t('history.changedFields')}: `), fields.join(', ')) : null));
}

export async function renderHistory(main, type, id) {
  const back = h('p', { class: 'breadcrumb' }, link('#/', t('common.back')));
  let history;
  try {
    history = await api.get(`entities/${encodeURIComponent(type)}/${encodeURIComponent(id)}/history`);
  } catch (error) {
    replaceChildren(main, back, pageHeading(t('history.title', { type, id })), errorBox(error));
    return;
  }
  const items = (history && history.items) || [];
  replaceChildren(main,
    back,
    h('div', { class: 'page-head' },
      h('div', {}, pageHeading(t('history.title', { type, id })), h('p', { class: 'muted' }, t('history.intro')))),
    items.length
      ? h('ol', { class: 'timeline', id: 'timeline' }, items.map(timelineItem))
      : h('div', { class: 'empty', id: 'empty-state' }, h('p', { class: 'empty-title' }, t('history.empty'))));
}
