import { api } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';
import { enumLabel, pageHeading } from '../common.js';

function detailText(detail) {
  if (typeof detail === 'string') {
    return detail;
  }
  return detail.label || detail.name || detail.id;
}

export async function renderOperations(main) {
  const catalog = await api.get('operations');
  const targets = Array.isArray(catalog) ? catalog : (catalog && catalog.targets) || [];
  replaceChildren(main,
    h('div', { class: 'page-head' },
      h('div', {}, pageHeading(t('operations.title')), h('p', { class: 'muted' }, t('operations.intro')))),
    h('div', { class: 'catalog', id: 'catalog' }, targets.map((target) => {
      const headingId = `target-${target.id}`;
      return h('section', { class: 'card', 'aria-labelledby': headingId, dataset: { target: target.id } },
        h('h2', { id: headingId }, target.label || target.id, ' ', h('code', { class: 'muted' }, target.id)),
        h('div', { class: 'table-scroll' },
          h('table', { class: 'operations' },
            h('thead', {}, h('tr', {},
              h('th', { scope: 'col' }, t('operations.label')),
              h('th', { scope: 'col' }, t('operations.id')),
              h('th', { scope: 'col' }, t('operations.action')),
              h('th', { scope: 'col' }, t('operations.details')))),
            h('tbody', {}, (target.operations || []).map((operation) => h('tr', { dataset: { operation: operation.id } },
              h('td', {}, operation.label || operation.id),
              h('td', {}, h('code', {}, operation.id)),
              h('td', {}, enumLabel('action', operation.action)),
              h('td', {}, (operation.details || []).map(detailText).join(', ') || t('common.none'))))))));
    })));
}
