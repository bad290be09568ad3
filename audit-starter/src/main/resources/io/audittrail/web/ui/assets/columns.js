import { h, link, eventHref, historyHref } from './dom.js';
import { formatDateTime, t } from './i18n.js';
import { badge, enumLabel } from './common.js';

const none = () => t('common.none');
const text = (value) => (value === null || value === undefined || value === '' ? none() : String(value));
const request = (event) => event.request || {};

function entityCell(event) {
  const entity = event.entity;
  if (!entity || !entity.type || entity.id === null || entity.id === undefined) {
    return none();
  }
  const name = entity.name || `${entity.type} ${entity.id}`;
  const anchor = link(historyHref(entity.type, entity.id), name);
  anchor.title = t('list.history', { entity: name });
  anchor.classList.add('entity-link');
  return anchor;
}

function detailsCell(event) {
  const entries = Object.entries(event.details || {});
  if (!entries.length) {
    return none();
  }
  return h('ul', { class: 'inline-list' }, entries.map(([name, value]) => h('li', {}, h('span', { class: 'muted' }, `${name}: `), String(value))));
}

/** Every item the list can show, in the order they appear. */
export const COLUMNS = [
  { id: 'occurredAt', cell: (e) => link(eventHref(e.id), h('time', { datetime: e.occurredAt }, formatDateTime(e.occurredAt))) },
  { id: 'actor', cell: (e) => (e.actor && e.actor.type !== 'API_KEY' ? text(e.actor.name) : none()) },
  { id: 'apiKey', cell: (e) => (e.actor && e.actor.type === 'API_KEY' ? text(e.actor.name) : none()) },
  { id: 'actorType', cell: (e) => enumLabel('actorType', e.actor && e.actor.type) },
  { id: 'target', cell: (e) => text(e.targetLabel || e.target) },
  { id: 'operation', cell: (e) => text(e.operationLabel || e.operation) },
  { id: 'action', cell: (e) => enumLabel('action', e.action) },
  { id: 'outcome', cell: (e) => (e.outcome ? badge('outcome', e.outcome, enumLabel('outcome', e.outcome)) : none()) },
  { id: 'entityType', cell: (e) => text(e.entity && e.entity.type) },
  { id: 'entity', cell: entityCell },
  { id: 'tenant', cell: (e) => text(e.tenant) },
  { id: 'ip', cell: (e) => text(e.ip) },
  { id: 'details', cell: detailsCell },
  { id: 'method', cell: (e) => text(request(e).method) },
  { id: 'path', cell: (e) => text(request(e).path) },
  { id: 'status', cell: (e) => text(request(e).status) },
  { id: 'resource', cell: (e) => text(request(e).resource) },
  { id: 'authType', cell: (e) => text(request(e).authType) },
  { id: 'requestId', cell: (e) => text(e.requestId) },
];

/** Shown until a reader chooses their own. */
export const DEFAULT_COLUMNS = ['occurredAt', 'actor', 'operation', 'entityType', 'entity', 'outcome'];

/** The known column ids of a saved choice, in the list's order; the defaults when nothing is left. */
export function knownColumns(ids) {
  const chosen = COLUMNS.map((column) => column.id).filter((id) => (ids || []).includes(id));
  return chosen.length ? chosen : DEFAULT_COLUMNS.slice();
}
