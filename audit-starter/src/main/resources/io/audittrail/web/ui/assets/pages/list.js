import { api, apiUrl } from '../api.js';
import { h, replaceChildren, announce } from '../dom.js';
import { t } from '../i18n.js';
import { errorBox, modal, pageHeading } from '../common.js';
import { DEFAULT_COLUMNS, cell, columnLabel, fallbackColumns } from '../columns.js';

const FILTERS = ['from', 'to', 'actor', 'action', 'entityType', 'operation', 'q'];
const ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'OTHER'];
const PAGE_SIZE = 50;

/** A date input's value (the reader's local day) as the instant it starts or ends. */
export function dayBoundary(value, end) {
  if (!value) {
    return null;
  }
  const [year, month, day] = value.split('-').map(Number);
  const start = new Date(year, month - 1, day);
  return end ? new Date(new Date(year, month - 1, day + 1).getTime() - 1).toISOString() : start.toISOString();
}

function apiParams(filters) {
  return {
    from: dayBoundary(filters.from, false),
    to: dayBoundary(filters.to, true),
    actor: filters.actor,
    action: filters.action,
    entityType: filters.entityType,
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

async function loadOperations() {
  const catalog = await api.get('operations');
  const targets = Array.isArray(catalog) ? catalog : (catalog && catalog.targets) || [];
  return targets.map((target) => ({
    label: target.label || target.id,
    entityType: target.entityType || null,
    operations: (target.operations || []).map((operation) => ({ id: operation.id, label: operation.label || operation.id })),
  }));
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

export async function renderList(main, query) {
  const filters = Object.fromEntries(FILTERS.map((name) => [name, query.get(name) || '']));
  // The page size may be set in the address (#/?limit=20); the API checks its bounds.
  const pageSize = query.get('limit') || PAGE_SIZE;
  const [columns, targets] = await Promise.all([loadColumns(), loadOperations().catch(() => [])]);
  const available = columns.available;
  let shownColumns = columns.chosen;
  let next = null;
  let items = [];

  const form = h('form', { class: 'filters', role: 'search', 'aria-label': t('list.filters') },
    field('filter-from', t('list.from'), h('input', { id: 'filter-from', name: 'from', type: 'date', value: filters.from })),
    field('filter-to', t('list.to'), h('input', { id: 'filter-to', name: 'to', type: 'date', value: filters.to })),
    field('filter-actor', t('list.actor'), h('input', { id: 'filter-actor', name: 'actor', type: 'text', value: filters.actor, placeholder: t('list.actorHint'), autocomplete: 'off' })),
    field('filter-action', t('list.action'), select('filter-action', 'action', filters.action,
      ACTIONS.map((action) => h('option', { value: action }, t(`action.${action}`))))),
    field('filter-entity-type', t('list.entityType'), h('input', { id: 'filter-entity-type', name: 'entityType', type: 'text', value: filters.entityType, autocomplete: 'off', list: 'entity-types' })),
    h('datalist', { id: 'entity-types' },
      [...new Set(targets.map((target) => target.entityType).filter(Boolean))].sort().map((type) => h('option', { value: type }))),
    field('filter-operation', t('list.operation'), select('filter-operation', 'operation', filters.operation,
      targets.map((target) => h('optgroup', { label: target.label },
        target.operations.map((operation) => h('option', { value: operation.id }, operation.label)))))),
    h('div', { class: 'field field-wide' },
      h('label', { for: 'filter-q' }, t('list.search')),
      h('input', { id: 'filter-q', name: 'q', type: 'search', value: filters.q, placeholder: t('list.searchHint'), 'aria-describedby': 'filter-q-hint', autocomplete: 'off' }),
      h('span', { id: 'filter-q-hint', class: 'hint' }, t('list.searchHint'))),
    h('div', { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'button button-primary', id: 'filter-apply' }, t('list.apply')),
      h('button', { type: 'button', class: 'button', id: 'filter-reset', onclick: () => { window.location.hash = '#/'; } }, t('list.reset'))));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const name of FILTERS) {
      const value = String(data.get(name) || '').trim();
      if (value) {
        params.set(name, value);
      }
    }
    if (query.get('limit')) {
      params.set('limit', query.get('limit'));
    }
    const target = `#/?${params}`;
    if (window.location.hash === target) {
      renderList(main, params);
    } else {
      window.location.hash = target;
    }
  });

  const results = h('div', { class: 'results', id: 'results' });
  const status = h('p', { class: 'muted result-count', role: 'status' });
  const moreButton = h('button', { type: 'button', class: 'button', id: 'load-more', hidden: true }, t('list.loadMore'));

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
          visible.map((column) => h('td', { dataset: { column: column.id } }, cell(column.id, event))))))));
  }

  function redraw() {
    replaceChildren(results, table());
    status.textContent = items.length ? t('list.count', { count: items.length }) : '';
    moreButton.hidden = !next;
  }

  async function load(cursor) {
    moreButton.disabled = true;
    try {
      const page = await api.get('events', { ...apiParams(filters), limit: pageSize, cursor });
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
    await load(next);
    const row = results.querySelectorAll('tbody tr')[firstNew];
    const target = row && row.querySelector('a');
    if (target) {
      target.focus();
    }
  });

  const toolbar = h('div', { class: 'toolbar' },
    h('button', { type: 'button', class: 'button', id: 'open-download', onclick: () => openDownload(filters) }, t('list.download')),
    h('button', { type: 'button', class: 'button', id: 'edit-columns',
      onclick: () => openColumns(available, shownColumns, (chosen) => { shownColumns = chosen; redraw(); }) }, t('list.editColumns')));

  replaceChildren(main,
    h('div', { class: 'page-head' },
      h('div', {}, pageHeading(t('list.title')), h('p', { class: 'muted' }, t('list.intro'))),
      toolbar),
    form, status, results,
    h('div', { class: 'more' }, moreButton));
  await load(null);
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
      onSaved((saved && saved.columns) || chosen);
      dialog.close();
      announce(t('columns.saved'));
    } catch (error) {
      message.textContent = error.message;
      message.hidden = false;
    } finally {
      save.disabled = false;
    }
  });
}

function openDownload(filters) {
  const today = new Date();
  const iso = (date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const monthAgo = new Date(today.getFullYear(), today.getMonth() - 1, today.getDate());
  const from = h('input', { type: 'date', id: 'download-from', name: 'from', required: true, value: filters.from || iso(monthAgo) });
  const to = h('input', { type: 'date', id: 'download-to', name: 'to', required: true, value: filters.to || iso(today) });
  const message = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'button', class: 'button button-primary', id: 'download-submit' }, t('download.submit'));
  const evidence = h('button', { type: 'button', class: 'button', id: 'download-evidence' }, t('download.evidence'));
  const dialog = modal({
    title: t('download.title'),
    body: h('form', { id: 'download-form' },
      h('p', { class: 'muted' }, t('download.intro')),
      h('div', { class: 'field-row' },
        h('div', { class: 'field' }, h('label', { for: 'download-from' }, t('list.from')), from),
        h('div', { class: 'field' }, h('label', { for: 'download-to' }, t('list.to')), to)),
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
    const url = apiUrl(file, { ...extra, from: dayBoundary(from.value, false), to: dayBoundary(to.value, true) });
    const anchor = h('a', { href: url.toString(), download: '', hidden: true });
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    dialog.close();
    announce(t('download.started'));
  };
  submit.addEventListener('click', () => download('events.csv', {}));
  // the evidence bundle of the filtered tenant's chain, or of the system-level chain
  evidence.addEventListener('click', () => download('evidence.zip', filters.tenant ? { tenant: filters.tenant } : {}));
}
