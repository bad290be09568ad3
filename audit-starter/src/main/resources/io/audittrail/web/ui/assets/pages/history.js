import { api } from '../api.js';
import { h, link, replaceChildren, eventHref } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { badge, enumLabel, errorBox, pageHeading } from '../common.js';

function entries(history) {
  if (Array.isArray(history)) {
    return history;
  }
  return (history && (history.items || history.events || history.entries)) || [];
}

function changedFields(entry, type, id) {
  const changes = entry.changes || (entry.change ? [entry.change] : []);
  const own = changes.find((change) => String(change.entityType) === String(type) && String(change.entityId) === String(id)) || changes[0];
  return own && own.changedFields && own.changedFields.length ? own.changedFields : null;
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
  const items = entries(history);
  const timeline = items.length
    ? h('ol', { class: 'timeline', id: 'timeline' }, items.map((entry) => {
      const fields = changedFields(entry, type, id);
      const actor = entry.actor || {};
      return h('li', { class: 'timeline-item', dataset: { id: entry.id } },
        h('div', { class: 'timeline-when' }, h('time', { datetime: entry.occurredAt }, formatDateTime(entry.occurredAt))),
        h('div', { class: 'timeline-body' },
          h('p', { class: 'timeline-title' },
            link(eventHref(entry.id), entry.operationLabel || entry.operation),
            ' ', entry.action ? badge('action', entry.action, enumLabel('action', entry.action)) : null,
            entry.outcome && entry.outcome !== 'SUCCESS' ? badge('outcome', entry.outcome, enumLabel('outcome', entry.outcome)) : null),
          h('p', { class: 'muted' }, [actor.name, entry.entity && entry.entity.name].filter(Boolean).join(' · ')),
          fields ? h('p', { class: 'timeline-fields' }, h('span', { class: 'muted' }, `${t('detail.changed')}: `), fields.join(', ')) : null));
    }))
    : h('div', { class: 'empty', id: 'empty-state' }, h('p', { class: 'empty-title' }, t('history.empty')));
  replaceChildren(main,
    back,
    h('div', { class: 'page-head' },
      h('div', {}, pageHeading(t('history.title', { type, id })), h('p', { class: 'muted' }, t('history.intro')))),
    timeline);
}
