import { h, link, eventHref, historyHref } from './dom.js';
import { formatDateTime, t } from './i18n.js';
import { badge, enumLabel } from './common.js';

const none = () => t('common.none');
const text = (value) => (value === null || value === undefined || value === '' ? none() : String(value));

function entityCell(event) {
  const entity = event.entity;
  if (!entity || !entity.type || entity.id === null || entity.id === undefined) {
    return none();
  }
  const name = entity.name || `${entity.type} ${entity.id}`;
  const anchor = link(historyHref(entity.type, entity.id), name);
  anchor.title = t('list.history', { entity: name });
  anchor.className = 'entity-link';
  return h('span', { class: 'entity' }, h('span', { class: 'muted entity-type' }, entity.type), ' ', anchor);
}

function requestCell(event) {
  const request = event.request;
  if (!request) {
    return none();
  }
  return h('span', { class: 'request' },
    h('code', {}, `${request.method || ''} ${request.path || ''}`.trim()),
    request.status ? ` ${request.status}` : '',
    request.authType ? h('span', { class: 'muted' }, ` · ${request.authType}`) : null);
}

/** How each column the API offers is shown; detail items show the entry's detail value. */
const CELLS = {
  occurredAt: (e) => link(eventHref(e.id), h('time', { datetime: e.occurredAt }, formatDateTime(e.occurredAt))),
  ip: (e) => text(e.ip),
  member: (e) => (e.actor && e.actor.type !== 'API_KEY' ? text(e.actor.name) : none()),
  apiKey: (e) => (e.actor && e.actor.type === 'API_KEY' ? text(e.actor.name) : none()),
  operation: (e) => link(eventHref(e.id), e.operationLabel || e.operation),
  tenant: (e) => text(e.tenant),
  action: (e) => enumLabel('action', e.action),
  outcome: (e) => (e.outcome ? badge('outcome', e.outcome, enumLabel('outcome', e.outcome)) : none()),
  entity: entityCell,
  request: requestCell,
};

/** Shown when the API offers no choice of its own. */
export const DEFAULT_COLUMNS = ['occurredAt', 'member', 'apiKey', 'operation', 'entity', 'outcome'];

/** The cell of a column for an entry. */
export function cell(columnId, event) {
  const render = CELLS[columnId];
  if (render) {
    return render(event);
  }
  return text(event.details && event.details[columnId]);
}

/** A column's label: the API's, else the interface's own. */
export function columnLabel(column) {
  return column.label || t(`col.${column.id}`);
}

/** The columns offered when the API lists none. */
export function fallbackColumns() {
  return Object.keys(CELLS).map((id) => ({ id, label: t(`col.${id}`) }));
}
