// The gateway's REST API (Argo CD's routes). The session lives in the argocd.token cookie that
// POST /api/v1/session sets, so every call here is a same-origin fetch with credentials.

/** An API error carrying the problem+json title and detail, shown where the action happened. */
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

let onUnauthorized = () => {};

/** What to do when a call answers 401 (the app goes to the login page). */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

async function call(method, path, body, contentType = 'application/json') {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = contentType;
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'Network error', `${method} ${path}: ${e.message}`);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    if (response.status === 401 && path !== '/api/v1/session') onUnauthorized();
    const title = (json && (json.title || json.error)) || `${response.status} ${response.statusText}`;
    const detail = (json && (json.detail || json.message)) || (json ? '' : text.slice(0, 300));
    throw new ApiError(response.status, title, detail);
  }
  return json;
}

const enc = encodeURIComponent;

export const api = {
  login: (username, password) => call('POST', '/api/v1/session', { username, password }),
  logout: () => call('DELETE', '/api/v1/session'),
  userInfo: () => call('GET', '/api/v1/session/userinfo'),
  version: () => call('GET', '/api/version'),
  /** Argo's public settings; oidcConfig is there when SSO is configured. */
  settings: () => call('GET', '/api/v1/settings'),

  applications: () => call('GET', '/api/v1/applications'),
  application: (name, refresh) =>
    call('GET', `/api/v1/applications/${enc(name)}${refresh ? `?refresh=${enc(refresh)}` : ''}`),
  /** Creates an app from an object, or from YAML/JSON text as typed. */
  createApplication: (app) =>
    typeof app === 'string'
      ? call('POST', '/api/v1/applications', app,
          app.trim().startsWith('{') ? 'application/json' : 'application/yaml')
      : call('POST', '/api/v1/applications', app),
  deleteApplication: (name, cascade = true) =>
    call('DELETE', `/api/v1/applications/${enc(name)}?cascade=${cascade}`),
  /** Argo's ApplicationSyncRequest: {revision, prune, dryRun, resources, syncOptions}. */
  sync: (name, request) => call('POST', `/api/v1/applications/${enc(name)}/sync`, request),
  rollback: (name, request) => call('POST', `/api/v1/applications/${enc(name)}/rollback`, request),
  resourceTree: (name) => call('GET', `/api/v1/applications/${enc(name)}/resource-tree`),
  managedResources: (name) => call('GET', `/api/v1/applications/${enc(name)}/managed-resources`),
  /** Argo's resource actions of one live resource: {actions: [{name, disabled}]}. */
  resourceActions: (name, { namespace, resourceName, version, group, kind, appNamespace }) =>
    call('GET', `/api/v1/applications/${enc(name)}/resource/actions?${new URLSearchParams({
      namespace, resourceName, version, group, kind, appNamespace,
    })}`),
  /** Argo's ResourceActionRunRequestV2 {namespace, resourceName, version, group, kind, action, appNamespace, project}. */
  runResourceAction: (name, request) =>
    call('POST', `/api/v1/applications/${enc(name)}/resource/actions/v2`, request),

  projects: () => call('GET', '/api/v1/projects'),
  project: (name) => call('GET', `/api/v1/projects/${enc(name)}`),
  /** Argo's ProjectCreateRequest {project}. */
  createProject: (project) => call('POST', '/api/v1/projects', { project }),
  /** Argo's ProjectUpdateRequest {project}: the whole project, its resourceVersion guarding it. */
  updateProject: (project) => call('PUT', `/api/v1/projects/${enc(project.metadata.name)}`, { project }),
  deleteProject: (name) => call('DELETE', `/api/v1/projects/${enc(name)}`),

  repositories: () => call('GET', '/api/v1/repositories'),
  /** Argo's Repository {repo, type, name, project, username, password, insecure}. */
  createRepository: (repository) => call('POST', '/api/v1/repositories', repository),
  deleteRepository: (repo) => call('DELETE', `/api/v1/repositories/${enc(repo)}`),

  clusters: () => call('GET', '/api/v1/clusters'),
  cluster: (server) => call('GET', `/api/v1/clusters/${enc(server)}?id.type=url`),

  accounts: () => call('GET', '/api/v1/account'),
  /** One account with its API tokens [{id, issuedAt, expiresAt}] (epoch seconds). */
  account: (name) => call('GET', `/api/v1/account/${enc(name)}`),
  /** Argo's CreateTokenRequest {name, expiresIn (seconds, 0 = never), id}: answers {token}. */
  createAccountToken: (name, expiresIn, id) =>
    call('POST', `/api/v1/account/${enc(name)}/token`, { name, expiresIn, id }),
  deleteAccountToken: (name, id) => call('DELETE', `/api/v1/account/${enc(name)}/token/${enc(id)}`),
  /** Changes the caller's password (or name's, with accounts update). */
  changePassword: (currentPassword, newPassword, name) =>
    call('PUT', '/api/v1/account/password', name ? { currentPassword, newPassword, name } : { currentPassword, newPassword }),
};

/**
 * Live application updates: Argo's event stream (data = {"result": {"type", "application"}}) on
 * /api/v1/stream/applications, else polling the list every few seconds. onEvent gets
 * {type, application} per change; the returned function stops watching.
 */
export function watchApplications({ name, onEvent, onMode, pollMillis = 4000 }) {
  let stopped = false;
  let source = null;
  let timer = null;
  let opened = false;

  const poll = async () => {
    if (stopped) return;
    try {
      if (name) {
        onEvent({ type: 'MODIFIED', application: await api.application(name) });
      } else {
        const list = await api.applications();
        onEvent({ type: 'LIST', items: (list && list.items) || [] });
      }
    } catch (e) {
      if (e.status === 404 && name) onEvent({ type: 'DELETED', application: { metadata: { name } } });
    }
    if (!stopped) timer = setTimeout(poll, pollMillis);
  };

  const fallBack = () => {
    if (stopped || timer) return;
    if (source) source.close();
    source = null;
    onMode && onMode('polling');
    poll();
  };

  if (typeof EventSource === 'undefined') {
    fallBack();
  } else {
    const url = '/api/v1/stream/applications' + (name ? `?name=${enc(name)}` : '');
    source = new EventSource(url, { withCredentials: true });
    source.onopen = () => {
      opened = true;
      onMode && onMode('live');
    };
    source.onmessage = (message) => {
      let data;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      const result = data.result || data;
      if (!result.application) return;
      if (name && result.application.metadata && result.application.metadata.name !== name) return;
      onEvent({ type: result.type, application: result.application });
    };
    source.onerror = () => {
      // a stream that never opened (404, 401, no route) or was closed for good: poll instead
      if (!opened || source.readyState === EventSource.CLOSED) fallBack();
    };
    setTimeout(() => { if (!opened) fallBack(); }, 5000);
  }

  return () => {
    stopped = true;
    if (source) source.close();
    if (timer) clearTimeout(timer);
  };
}
