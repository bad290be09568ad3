import { api, apiUrl } from '../api.js';
import { h, replaceChildren, announce } from '../dom.js';
import { language, t } from '../i18n.js';
import { catalogOrEmpty, entityTypeLabel, errorBox, modal, pageHeading, safeSession } from '../common.js';
import { DEFAULT_COLUMNS, cell, columnLabel, fallbackColumns } from '../columns.js';

const FILTERS = ['period', 'from', 'to', 'actor', 'action', 'entityType', 'entityId', 'operation', 'q'];
const ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'OTHER'];
const PERIODS = { '24h': 24 * 3600 * 1000, '7d': 7 * 24 * 3600 * 1000, '30d': 30 * 24 * 3600 * 1000 };
const PAGE_SIZE = 50;
const MAX_PAGE = 500;
const PLACE_KEY = 'audittrail.list';

let current = null;

/** The address of the list as the reader left it, filters included. */
export function listHref() {
  const place = safeSession(() => JSON.parse(sessionStorage.getItem(PLACE_KEY) || 'null'));
  return (place && place.hash) || '#/';
}

/** Remembers the list's filters, loaded entries and scroll position before the reader leaves it. */
export function rememberListPlace() {
  if (!current || !document.body.contains(current.results)) {
    return;
  }
  const rows = [...current.results.querySelectorAll('tbody tr')];
  const visible = rows.find((row) => row.getBoundingClientRect().bottom > 0);
  const place = { hash: current.hash, count: current.count(), rowId: visible ? visible.dataset.id : null };
  safeSession(() => sessionStorage.setItem(PLACE_KEY, JSON.stringify(place)));
}

function storedPlace(hash) {
  const place = safeSession(() => JSON.parse(sessionStorage.getItem(PLACE_KEY) || 'null'));
  return place && place.hash === hash ? place : null;
}

/** A date input's value (the reader's local day) as the instant it starts or ends. */
export function dayBoundary(value, end) {
  if (!value) {
    return null;
  }
  const [year, month, day] = value.split('-').map(Number);
  const start = new Date(year, month - 1, day);
  return end ? new Date(new Date(year, month - 1, day + 1).getTime() - 1).toISOString() : start.toISOString();
}

function localDay(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function apiParams(filters, now) {
  const period = PERIODS[filters.period];
  return {
    from: period ? new Date(now - period).toISOString() : dayBoundary(filters.from, false),
    to: period ? null : dayBoundary(filters.to, true),
    actor: filters.actor,
    action: filters.action,
    entityType: filters.entityType,
    entityId: filters.entityId,
    operation: filters.operation,
    q: filters.q,
  };
}

/** The reader's columns and those they may choose from, as the API keeps them. */
async function loadColumns() {
  try {
    const saved = await api.get('preferences/columns');
    const available = saved.available && saved.available.length ? saved.available : fallbackColumns();
    const ids = available.map((column) => column.id);
    const chosen = (saved.columns || []).filter((id) => ids.includes(id));
    return { available, chosen: chosen.length ? chosen : DEFAULT_COLUMNS.filter((id) => ids.includes(id)) };
  } catch {
    return { available: fallbackColumns(), chosen: DEFAULT_COLUMNS.slice() };
  }
}

function field(id, label, control, hint) {
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) {
    control.setAttribute('aria-describedby', hintId);
  }
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('span', { id: hintId, class: 'hint' }, hint) : null);
}

function select(id, name, value, options) {
  const element = h('select', { id, name },
    h('option', { value: '' }, t('list.any')),
    options);
  element.value = value || '';
  return element;
}

/** The entity type a reader typed: a target's label or entity type in any case, else as typed. */
function resolveEntityType(typed, targets) {
  const wanted = typed.trim().toLowerCase();
  if (!wanted) {
    return '';
  }
  const match = targets.find((target) => target.entityType
    && (target.label.toLowerCase() === wanted || target.entityType.toLowerCase() === wanted || target.id === wanted));
  return match ? match.entityType : typed.trim();
}

/** The list's address with the given filters. */
function hashOf(filters, limit) {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    if (filters[name]) {
      params.set(name, filters[name]);
    }
  }
  if (limit) {
    params.set('limit', limit);
  }
  const query = params.toString();
  return query ? `#/?${query}` : '#/';
}

export async function renderList(main, query) {
  const filters = Object.fromEntries(FILTERS.map((name) => [name, query.get(name) || '']));
  // The page size may be set in the address (#/?limit=20); the API checks its bounds.
  const pageSize = query.get('limit') || PAGE_SIZE;
  const hash = hashOf(filters, query.get('limit'));
  const now = Date.now();
  const [columns, cat] = await Promise.all([loadColumns(), catalogOrEmpty()]);
  const words = cat.vocabulary;
  const targets = cat.targets;
  const available = columns.available;
  let shownColumns = columns.chosen;
  let next = null;
  let items = [];
  const context = {
    catalog: cat,
    filterHref: (params) => hashOf({ ...filters, ...(params.entityType && !params.entityId ? { entityId: '' } : {}), ...params }, query.get('limit')),
  };

  const entityTypes = targets.filter((target) => target.entityType);
  const example = entityTypes.length ? entityTypes[0].label : '';
  const fromInput = h('input', { id: 'filter-from', name: 'from', type: 'date', value: filters.from });
  const toInput = h('input', { id: 'filter-to', name: 'to', type: 'date', value: filters.to });
  const rangeError = h('p', { class: 'form-error field-full', id: 'filter-range-error', role: 'alert', hidden: true });
  const presets = h('div', { class: 'field field-full presets', role: 'group', 'aria-label': t('list.period') },
    h('span', { class: 'presets-label', 'aria-hidden': 'true' }, t('list.period')),
    Object.keys(PERIODS).map((period) => h('button', {
      type: 'button', class: 'button button-small', id: `preset-${period}`, 'aria-pressed': String(filters.period === period),
      onclick: () => { window.location.hash = hashOf({ ...filters, period, from: '', to: '' }, query.get('limit')); },
    }, t(`list.preset.${period}`))));
  const entityTypeInput = h('input', { id: 'filter-entity-type', name: 'entityType', type: 'text', autocomplete: 'off',
    list: 'entity-types', value: filters.entityType ? entityTypeLabel(cat, filters.entityType) : '' });
  const activeCount = FILTERS.filter((name) => filters[name]).length;

  const form = h('form', { class: 'filters', role: 'search', 'aria-label': t('list.filters'), novalidate: true },
    presets,
    field('filter-from', t('list.from'), fromInput),
    field('filter-to', t('list.to'), toInput),
    rangeError,
    field('filter-actor', t('list.actor', { user: words.user }), h('input', { id: 'filter-actor', name: 'actor', type: 'text', value: filters.actor, autocomplete: 'off' }), t('list.actorHint')),
    field('filter-action', t('list.action'), select('filter-action', 'action', filters.action,
      ACTIONS.map((action) => h('option', { value: action }, t(`action.${action}`))))),
    field('filter-entity-type', t('list.entityType', { entity: words.entity }), entityTypeInput,
      example ? t('list.entityTypeHint', { example }) : null),
    h('datalist', { id: 'entity-types' }, entityTypes.map((target) => h('option', { value: target.label }))),
    filters.entityId ? field('filter-entity-id', t('list.entityId', { entity: words.entity }),
      h('input', { id: 'filter-entity-id', name: 'entityId', type: 'text', value: filters.entityId, autocomplete: 'off' })) : null,
    field('filter-operation', t('list.operation'), select('filter-operation', 'operation', filters.operation,
      targets.map((target) => h('optgroup', { label: target.label },
        target.operations.map((operation) => h('option', { value: operation.id }, operation.label)))))),
    h('div', { class: 'field field-wide' },
      h('label', { for: 'filter-q' }, t('list.search')),
      h('input', { id: 'filter-q', name: 'q', type: 'search', value: filters.q, 'aria-describedby': 'filter-q-hint', autocomplete: 'off' }),
      h('span', { id: 'filter-q-hint', class: 'hint' }, t('list.searchHint'))),
    h('div', { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'button button-primary', id: 'filter-apply' }, t('list.apply')),
      h('button', { type: 'button', class: 'button', id: 'filter-reset', onclick: () => { window.location.hash = '#/'; } }, t('list.reset'))));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const chosen = {};
    for (const name of FILTERS) {
      chosen[name] = String(data.get(name) || '').trim();
    }
    chosen.entityType = resolveEntityType(chosen.entityType, targets);
    if (chosen.entityType !== filters.entityType) {
      chosen.entityId = '';
    }
    if (chosen.from && chosen.to && chosen.from > chosen.to) {
      rangeError.textContent = t('list.reversed');
      rangeError.hidden = false;
      fromInput.setAttribute('aria-invalid', 'true');
      fromInput.setAttribute('aria-describedby', 'filter-range-error');
      fromInput.focus();
      return;
    }
    // a date typed by hand replaces a preset
    chosen.period = (chosen.from || chosen.to) ? '' : filters.period;
    const target = hashOf(chosen, query.get('limit'));
    if (window.location.hash === target) {
      renderList(main, new URLSearchParams(target.replace(/^#\/\??/, '')));
    } else {
      window.location.hash = target;
    }
  });

  const panel = h('details', { class: 'filters-panel', id: 'filters-panel' },
    h('summary', { class: 'filters-summary' }, activeCount ? t('list.filtersActive', { count: activeCount }) : t('list.filters')),
    form);
  panel.open = !window.matchMedia('(max-width: 720px)').matches;

  const results = h('div', { class: 'results', id: 'results' });
  const status = h('p', { class: 'muted result-count', role: 'status' });
  const moreButton = h('button', { type: 'button', class: 'button', id: 'load-more', hidden: true }, t('list.loadMore'));
  current = { hash, results, count: () => items.length };

  function table() {
    if (!items.length) {
      return h('div', { class: 'empty', id: 'empty-state' },
        h('p', { class: 'empty-title' }, t('list.empty')),
        h('p', { class: 'muted' }, t('list.emptyHint')));
    }
    const visible = shownColumns.map((id) => available.find((column) => column.id === id)).filter(Boolean);
    return h('div', { class: 'table-scroll' },
      h('table', { class: 'events', id: 'events' },
        h('caption', { class: 'visually-hidden' }, t('list.table')),
        h('thead', {}, h('tr', {}, visible.map((column) => h('th', { scope: 'col', dataset: { column: column.id } }, columnLabel(column))))),
        h('tbody', {}, items.map((event) => h('tr', { dataset: { id: event.id } },
          visible.map((column) => h('td', { dataset: { column: column.id, label: columnLabel(column) } }, cell(column.id, event, context))))))));
  }

  function redraw() {
    replaceChildren(results, table());
    status.textContent = items.length ? t('list.count', { count: items.length }) : '';
    moreButton.hidden = !next;
  }

  async function load(cursor, limit) {
    moreButton.disabled = true;
    try {
      const page = await api.get('events', { ...apiParams(filters, now), limit, cursor,
        summary: shownColumns.includes('summary') ? 'true' : null });
      items = items.concat(page.items || []);
      next = page.next || null;
      redraw();
      if (cursor) {
        announce(t('list.count', { count: items.length }));
      }
    } catch (error) {
      next = null;
      moreButton.hidden = true;
      replaceChildren(results, errorBox(error));
    } finally {
      moreButton.disabled = false;
    }
  }

  moreButton.addEventListener('click', async () => {
    const firstNew = items.length;
    await load(next, pageSize);
    const row = results.querySelectorAll('tbody tr')[firstNew];
    const target = row && row.querySelector('a');
    if (target) {
      target.focus();
    }
  });

  const toolbar = h('div', { class: 'toolbar' },
    h('button', { type: 'button', class: 'button', id: 'open-download', onclick: () => openDownload(filters, now, targets, words) }, t('list.download')),
    h('button', { type: 'button', class: 'button', id: 'edit-columns',
      onclick: () => openColumns(available, shownColumns, async (chosen) => {
        const needsSummaries = chosen.includes('summary') && !shownColumns.includes('summary');
        shownColumns = chosen;
        if (needsSummaries) {
          items = [];
          await load(null, Math.max(Number(pageSize), 1));
        } else {
          redraw();
        }
      }) }, t('list.editColumns')));

  replaceChildren(main,
    h('div', { class: 'page-head' },
      h('div', {}, pageHeading(t('list.title')), h('p', { class: 'muted' }, t('list.intro'))),
      toolbar),
    panel, status, results,
    h('div', { class: 'more' }, moreButton));

  // back from an entry: the same entries as before, and the row the reader was at
  const place = storedPlace(hash);
  const firstLimit = place && place.count > Number(pageSize) ? Math.min(place.count, MAX_PAGE) : pageSize;
  await load(null, firstLimit);
  if (place && place.rowId) {
    const row = results.querySelector(`tbody tr[data-id="${CSS.escape(String(place.rowId))}"]`);
    if (row) {
      row.scrollIntoView({ block: 'start' });
    }
  }
}

function openColumns(available, current, onSaved) {
  const message = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const boxes = available.map((column) => h('input', {
    type: 'checkbox', id: `column-${column.id}`, name: 'columns', value: column.id, checked: current.includes(column.id),
  }));
  const form = h('form', { method: 'dialog', id: 'columns-form' },
    h('p', { class: 'muted' }, t('columns.intro')),
    h('fieldset', { class: 'checkbox-grid' },
      h('legend', { class: 'visually-hidden' }, t('columns.title')),
      available.map((column, index) => h('div', { class: 'checkbox' }, boxes[index],
        h('label', { for: `column-${column.id}` }, columnLabel(column))))),
    message);
  const save = h('button', { type: 'button', class: 'button button-primary', id: 'columns-save' }, t('common.save'));
  const dialog = modal({
    title: t('columns.title'),
    body: form,
    actions: [
      h('button', { type: 'button', class: 'button', onclick: () => dialog.close() }, t('common.cancel')),
      save,
    ],
  });
  save.addEventListener('click', async () => {
    const chosen = boxes.filter((box) => box.checked).map((box) => box.value);
    if (!chosen.length) {
      message.textContent = t('columns.atLeastOne');
      message.hidden = false;
      return;
    }
    save.disabled = true;
    try {
      const saved = await api.put('preferences/columns', { columns: chosen });
      dialog.close();
      await onSaved((saved && saved.columns) || chosen);
      announce(t('columns.saved'));
    } catch (error) {
      message.textContent = error.message;
      message.hidden = false;
    } finally {
      save.disabled = false;
    }
  });
}

/** What the other active filters are, in words, for the download dialog. */
function filterDescriptions(filters, targets, words) {
  const descriptions = [];
  if (filters.actor) {
    descriptions.push(`${words.user}: ${filters.actor}`);
  }
  if (filters.action) {
    descriptions.push(`${t('list.action')}: ${t(`action.${filters.action}`)}`);
  }
  if (filters.entityType) {
    const target = targets.find((candidate) => candidate.entityType === filters.entityType);
    descriptions.push(`${t('list.entityType', { entity: words.entity })}: ${target ? target.label : filters.entityType}`
      + (filters.entityId ? ` ${filters.entityId}` : ''));
  }
  if (filters.operation) {
    const operation = targets.flatMap((target) => target.operations).find((candidate) => candidate.id === filters.operation);
    descriptions.push(`${t('list.operation')}: ${operation ? operation.label : filters.operation}`);
  }
  if (filters.q) {
    descriptions.push(`${t('list.search')}: ${filters.q}`);
  }
  return descriptions;
}

function openDownload(filters, now, targets, words) {
  const today = new Date(now);
  const period = PERIODS[filters.period];
  const defaultFrom = period ? localDay(new Date(now - period))
    : localDay(new Date(today.getFullYear(), today.getMonth() - 1, today.getDate()));
  const from = h('input', { type: 'date', id: 'download-from', name: 'from', required: true, value: filters.from || defaultFrom });
  const to = h('input', { type: 'date', id: 'download-to', name: 'to', required: true, value: filters.to || localDay(today) });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const message = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'button', class: 'button button-primary', id: 'download-submit' }, t('download.submit'));
  const others = filterDescriptions(filters, targets, words);
  const format = (value, checked) => h('div', { class: 'checkbox' },
    h('input', { type: 'radio', name: 'format', id: `download-${value}`, value, checked }),
    h('label', { for: `download-${value}` }, t(`download.${value}`)));
  const formatChoice = h('fieldset', { class: 'format-choice' },
    h('legend', {}, t('download.format')), format('csv', true), format('jsonl', false));
  const evidence = h('button', { type: 'button', class: 'button', id: 'download-evidence' }, t('download.evidence'));
  const dialog = modal({
    title: t('download.title'),
    body: h('form', { id: 'download-form' },
      h('p', { class: 'muted' }, t('download.intro', { zone })),
      h('div', { class: 'field-row' },
        h('div', { class: 'field' }, h('label', { for: 'download-from' }, t('list.from')), from),
        h('div', { class: 'field' }, h('label', { for: 'download-to' }, t('list.to')), to)),
      others.length ? h('div', { class: 'download-filters', id: 'download-filters' },
        h('p', { class: 'download-filters-title' }, t('download.filters')),
        h('ul', {}, others.map((text) => h('li', {}, text)))) : null,
      formatChoice,
      message),
    actions: [h('button', { type: 'button', class: 'button', onclick: () => dialog.close() }, t('common.cancel')), evidence, submit],
  });
  const download = (file, extra) => {
    if (!from.value || !to.value) {
      message.textContent = t('download.required');
      message.hidden = false;
      return;
    }
    if (from.value > to.value) {
      message.textContent = t('download.order');
      message.hidden = false;
      return;
    }
    const url = file ? apiUrl(file, { ...extra, from: dayBoundary(from.value, false), to: dayBoundary(to.value, true) })
      : apiUrl(`events.${formatChoice.querySelector('input:checked').value}`, {
        ...apiParams({ ...filters, period: '' }, now),
        from: dayBoundary(from.value, false),
        to: dayBoundary(to.value, true),
        lang: language(),
        zone,
      });
    const anchor = h('a', { href: url.toString(), download: '', hidden: true });
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    dialog.close();
    announce(t('download.started'));
  };
  // the entries the list shows, in the chosen format
  submit.addEventListener('click', () => download(null, {}));
  // the evidence bundle of the filtered tenant's chain, or of the system-level chain
  evidence.addEventListener('click', () => download('evidence.zip', filters.tenant ? { tenant: filters.tenant } : {}));
}
