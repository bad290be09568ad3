import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { language, setLanguage, t, translateStatic } from './i18n.js';
import { errorBox, pageHeading, returnAfterSignIn } from './common.js';
import { rememberListPlace, renderList } from './pages/list.js';
import { renderDetail } from './pages/detail.js';
import { renderHistory } from './pages/history.js';
import { renderOperations } from './pages/operations.js';

const main = document.getElementById('main');
let reader = { name: '', canRevert: false };
let renderCount = 0;

const routes = [
  { pattern: /^\/?$/, name: 'list', render: (m, query) => renderList(main, query) },
  { pattern: /^\/events\/([^/]+)$/, name: 'list', render: (m) => renderDetail(main, decodeURIComponent(m[1]), reader) },
  { pattern: /^\/entities\/([^/]+)\/([^/]+)$/, name: 'list',
    render: (m) => renderHistory(main, decodeURIComponent(m[1]), decodeURIComponent(m[2])) },
  { pattern: /^\/operations$/, name: 'operations', render: () => renderOperations(main) },
];

function currentRoute() {
  const hash = window.location.hash.replace(/^#/, '');
  const [path, query = ''] = hash.split('?');
  return { path, query: new URLSearchParams(query) };
}

async function render() {
  const count = ++renderCount;
  const { path, query } = currentRoute();
  translateStatic();
  for (const dialog of document.querySelectorAll('dialog[open]')) {
    dialog.close();
  }
  const route = routes.find((candidate) => candidate.pattern.test(path));
  for (const navLink of document.querySelectorAll('.nav a')) {
    const active = route && navLink.dataset.route === route.name;
    if (active) {
      navLink.setAttribute('aria-current', 'page');
    } else {
      navLink.removeAttribute('aria-current');
    }
  }
  replaceChildren(main, h('p', { class: 'loading', role: 'status' }, t('common.loading')));
  try {
    if (!route) {
      replaceChildren(main, pageHeading(t('notFound.title')));
    } else {
      await route.render(path.match(route.pattern), query);
    }
  } catch (error) {
    replaceChildren(main, pageHeading((error && error.title) || t('error.title')), errorBox(error));
  }
  if (count === renderCount) {
    document.title = `${(main.querySelector('h1') || {}).textContent || t('app.title')} · ${t('app.title')}`;
    const heading = main.querySelector('h1');
    if (heading && document.activeElement === document.body) {
      heading.focus();
    }
  }
}

async function loadReader() {
  try {
    reader = await api.get('me');
    replaceChildren(document.getElementById('reader'), t('reader.signedIn', { name: reader.name }));
  } catch {
    reader = { name: '', canRevert: false };
  }
}

const switcher = document.getElementById('lang');
switcher.value = language();
switcher.addEventListener('change', async () => {
  setLanguage(switcher.value);
  await loadReader();
  render();
});

window.addEventListener('hashchange', () => {
  rememberListPlace();
  document.activeElement.blur();
  render();
});

returnAfterSignIn();
await loadReader();
render();
