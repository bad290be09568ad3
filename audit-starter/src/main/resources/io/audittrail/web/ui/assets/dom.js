/**
 * Builds DOM elements. Text always goes in through textContent, never as markup, so whatever the
 * log holds (a title such as <img src=x onerror=...>) is shown as text.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'class') {
      element.className = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else if (child instanceof Node) {
      element.appendChild(child);
    } else {
      element.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces the children of an element. */
export function replaceChildren(element, ...children) {
  element.textContent = '';
  append(element, children);
}

/** A route link inside the pages, e.g. link('#/events/42', 'Entry 42'). */
export function link(href, ...children) {
  return h('a', { href }, ...children);
}

/** The hash route of an entity's history. */
export function historyHref(type, id) {
  return `#/entities/${encodeURIComponent(type)}/${encodeURIComponent(id)}`;
}

/** The hash route of an entry. */
export function eventHref(id) {
  return `#/events/${encodeURIComponent(id)}`;
}

/** Shows a value of any JSON type as readable text. */
export function displayValue(value) {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value, null, 2);
  }
  return String(value);
}

/** Tells screen-reader users about something that changed without moving their focus. */
export function announce(message) {
  const announcer = document.getElementById('announcer');
  if (announcer) {
    announcer.textContent = '';
    window.setTimeout(() => { announcer.textContent = message; }, 50);
  }
}
