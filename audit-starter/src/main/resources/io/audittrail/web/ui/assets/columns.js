import { h, link, eventHref, historyHref } from './dom.js';
import { formatDateTime, t } from './i18n.js';
import { badge, entityTypeLabel, enumLabel, fieldLabel, formatValue } from './common.js';

const none = () => t('common.none');
const text = (value) => (value === null || value === undefined || value === '' ? none() : String(value));

/** A value in a row that, clicked, narrows the list to the entries that share it. */
function filterLink(context, params, label) {
  const anchor = link(context.filterHref(params), label);
  anchor.className = 'filter-link';
  anchor.title = t('list.filterBy', { value: label });
  return anchor;
}

function actorCell(event, context, apiClient) {
  const actor = event.actor;
  const isApiClient = actor && actor.type === 'API_KEY';
  if (!actor || isApiClient !== apiClient || !actor.name) {
    return none();
  }
  return filterLink(context, { actor: actor.name }, actor.name);
}

function entityCell(event, context) {
  const entity = event.entity;
  if (!entity || !entity.type || entity.id === null || entity.id === undefined) {
    return none();
  }
  const typeLabel = entityTypeLabel(context.catalog, entity.type);
  const name = entity.name || String(entity.id);
  const history = link(historyHref(entity.type, entity.id), t('list.history'));
  history.className = 'entity-link';
  history.setAttribute('aria-label', t('list.historyOf', { entity: `${typeLabel} ${name}` }));
  return h('span', { class: 'entity' },
    filterLink(context, { entityType: entity.type }, typeLabel), ' ',
    filterLink(context, { entityType: entity.type, entityId: entity.id }, name), ' ',
    h('span', { class: 'entity-history' }, '(', history, ')'));
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

/** One line of what changed: "data.title: Hello → Hello 2", a creation's values, and what is left. */
export function summaryText(summary) {
  if (!summary) {
    return null;
  }
  const parts = (summary.fields || []).map((field) => {
    if (summary.kind === 'ADD') {
      return `${fieldLabel(field)}: ${formatValue(field.after)}`;
    }
    if (summary.kind === 'DEL') {
      return `${fieldLabel(field)}: ${formatValue(field.before)}`;
    }
    return `${fieldLabel(field)}: ${formatValue(field.before)} → ${formatValue(field.after)}`;
  });
  let line = parts.join('; ');
  if (summary.moreFields) {
    line += `; ${t('common.more', { count: summary.moreFields })}`;
  }
  if (summary.kind !== 'MOD') {
    line = `${enumLabel('kind', summary.kind)}${line ? ` · ${line}` : ''}`;
  }
  if (summary.otherEntities) {
    line += ` (${t('list.otherEntities', { count: summary.otherEntities })})`;
  }
  return line;
}

/** How each column the API offers is shown; detail items show the entry's detail value. */
const CELLS = {
  occurredAt: (e) => link(eventHref(e.id), h('time', { datetime: e.occurredAt }, formatDateTime(e.occurredAt))),
  ip: (e) => text(e.ip),
  member: (e, context) => actorCell(e, context, false),
  apiKey: (e, context) => actorCell(e, context, true),
  operation: (e, context) => (e.operation === 'http.request'
    ? link(eventHref(e.id), h('code', {}, e.operationLabel))
    : filterLink(context, { operation: e.operation }, e.operationLabel || e.operation)),
  tenant: (e) => text(e.tenant),
  action: (e) => enumLabel('action', e.action),
  outcome: (e) => (e.outcome ? badge('outcome', e.outcome, enumLabel('outcome', e.outcome)) : none()),
  entity: entityCell,
  request: requestCell,
  summary: (e) => h('span', { class: 'summary' }, summaryText(e.summary) || none()),
};

/** Shown when the API offers no choice of its own. */
export const DEFAULT_COLUMNS = ['occurredAt', 'member', 'apiKey', 'operation', 'entity', 'summary', 'outcome'];

/** The cell of a column for an entry. */
export function cell(columnId, event, context) {
  const render = CELLS[columnId];
  if (render) {
    return render(event, context);
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
