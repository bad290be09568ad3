import { language, t } from './i18n.js';

function meta(name) {
  const element = document.querySelector(`meta[name="${name}"]`);
  return element && element.content ? element.content : null;
}

function cookie(name) {
  for (const part of document.cookie.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      return decodeURIComponent(value.join('='));
    }
  }
  return null;
}

/** The CSRF header for changes: the token rendered into the page, else Spring's XSRF-TOKEN cookie. */
function csrfHeaders() {
  const header = meta('audit-csrf-header');
  const token = meta('audit-csrf-token');
  if (header && token) {
    return { [header]: token };
  }
  const fromCookie = cookie('XSRF-TOKEN');
  return fromCookie ? { 'X-XSRF-TOKEN': fromCookie } : {};
}

/**
 * A failed call, carrying the problem detail (RFC 9457) the server sent, if any. Its message is the
 * interface's own words for the kind of failure, in the reader's language: the server's text may
 * be in another language and name database ids.
 */
export class ApiError extends Error {
  constructor(status, problem) {
    const { title, text } = describe(status, problem || null);
    super(text);
    this.title = title;
    this.status = status;
    this.problem = problem || null;
  }
}

function describe(status, problem) {
  if (!status) {
    return { title: t('error.title'), text: t('error.network') };
  }
  if (status === 401) {
    return { title: t('error.sessionTitle'), text: t('error.session') };
  }
  if (status === 403) {
    return { title: t('error.forbiddenTitle'), text: t('error.forbidden') };
  }
  if (status === 404) {
    return { title: t('error.notFoundTitle'), text: t('error.notFound') };
  }
  if (status === 409) {
    const field = problem && problem.field;
    return {
      title: t('error.conflictTitle'),
      text: field ? t('error.conflictField', { field, value: problem.currentValue ?? t('common.empty') }) : t('error.conflict'),
    };
  }
  if (status === 400) {
    const parameter = (problem && problem.parameter) || '';
    const label = t(`param.${parameter}`);
    return { title: t('error.badParameterTitle'), text: t('error.badParameter', { field: label === `param.${parameter}` ? parameter : label }) };
  }
  return { title: t('error.title'), text: t('error.server') };
}

/** The URL of an API resource below the pages' base path, with query parameters left out when empty. */
export function apiUrl(path, params = {}) {
  const url = new URL(`api/${path}`, document.baseURI);
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') {
      url.searchParams.set(name, value);
    }
  }
  return url;
}

async function call(method, path, { params, body } = {}) {
  const headers = { Accept: 'application/json, application/problem+json', 'Accept-Language': language() };
  if (method !== 'GET') {
    Object.assign(headers, csrfHeaders());
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(apiUrl(path, params), {
      method,
      headers,
      credentials: 'same-origin',
      // a redirect is the application sending an expired session to its sign-in page
      redirect: 'manual',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (response.type === 'opaqueredirect') {
    throw new ApiError(401, null);
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

export const api = {
  get: (path, params) => call('GET', path, { params }),
  post: (path, body) => call('POST', path, { body }),
  put: (path, body) => call('PUT', path, { body }),
};
