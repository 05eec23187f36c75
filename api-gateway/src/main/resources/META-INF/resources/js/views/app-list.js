// The applications page: tiles with sync and health, a search box, and filters by project, sync
// and health status, kept live by the application stream.
import { api, watchApplications } from '../api.js';
import { ago, h, mount, shortRevision, svg } from '../dom.js';
import { HEALTH, SYNC, appStatus, healthBadge, statusIcon, syncBadge } from '../status.js';
import { errorBox, isOlder } from './common.js';
import { openCreateApp } from './create-app.js';
import { openSyncPanel } from './sync-panel.js';

const APP_ICON = ['M12 2 3 7v10l9 5 9-5V7zm0 2.3 6.6 3.7L12 11.7 5.4 8zM5 9.7l6 3.4v6.6l-6-3.4zm8 10v-6.6l6-3.4v6.6z'];

export function appListView({ frame, navigate }) {
  const apps = new Map(); // name -> app
  const filters = { search: '', sync: new Set(), health: new Set(), project: new Set() };
  const tiles = h('div', { class: 'tiles', 'data-testid': 'app-tiles' });
  const sidebar = h('aside', { class: 'filters', 'data-testid': 'app-filters' });
  const message = h('div');
  const liveBadge = h('span', { class: 'live', 'data-testid': 'live-mode' }, 'connecting');
  let loaded = false;

  const search = h('input', {
    type: 'search', placeholder: 'Search applications…', 'data-testid': 'app-search', style: 'width:280px',
    oninput: () => { filters.search = search.value.trim().toLowerCase(); render(); },
  });

  const visible = () => [...apps.values()]
    .filter((app) => {
      const s = appStatus(app);
      const project = (app.spec && app.spec.project) || 'default';
      const name = app.metadata.name;
      return (!filters.search || name.toLowerCase().includes(filters.search)
          || ((app.spec && app.spec.source && app.spec.source.repoURL) || '').toLowerCase().includes(filters.search))
        && (!filters.sync.size || filters.sync.has(s.sync))
        && (!filters.health.size || filters.health.has(s.health))
        && (!filters.project.size || filters.project.has(project));
    })
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));

  function filterGroup(title, key, values, counts, table) {
    return [h('h3', {}, title), values.map((value) => h('label', { class: 'check' },
      h('input', {
        type: 'checkbox', checked: filters[key].has(value), 'data-testid': `filter-${key}-${value}`,
        onchange: (event) => {
          if (event.target.checked) filters[key].add(value); else filters[key].delete(value);
          render();
        },
      }),
      table ? statusIcon(table, value) : null,
      h('span', {}, value),
      h('span', { class: 'count' }, String(counts[value] || 0))))];
  }

  function renderFilters() {
    const counts = { sync: {}, health: {}, project: {} };
    for (const app of apps.values()) {
      const s = appStatus(app);
      counts.sync[s.sync] = (counts.sync[s.sync] || 0) + 1;
      counts.health[s.health] = (counts.health[s.health] || 0) + 1;
      const p = (app.spec && app.spec.project) || 'default';
      counts.project[p] = (counts.project[p] || 0) + 1;
    }
    const projects = [...new Set([...Object.keys(counts.project), ...filters.project])].sort();
    mount(sidebar,
      filterGroup('Sync status', 'sync', Object.keys(SYNC), counts.sync, SYNC),
      filterGroup('Health status', 'health', Object.keys(HEALTH), counts.health, HEALTH),
      projects.length ? filterGroup('Projects', 'project', projects, counts.project) : null);
  }

  function tile(app) {
    const s = appStatus(app);
    const spec = app.spec || {};
    const source = spec.source || (spec.sources && spec.sources[0]) || {};
    const dest = spec.destination || {};
    const name = app.metadata.name;
    const actionError = h('div');
    const act = (fn) => async (event) => {
      event.stopPropagation();
      actionError.replaceChildren();
      try { await fn(); } catch (e) { actionError.replaceChildren(errorBox(e, 'tile-error')); }
    };
    return h('div', {
      class: `tile h-${s.health}`, 'data-testid': 'app-tile', 'data-app': name,
      onclick: () => navigate(`#/applications/${encodeURIComponent(name)}`),
    },
    h('div', { class: 'tile-title' }, svg('0 0 24 24', APP_ICON, { class: 'kind-icon' }),
      h('span', { 'data-testid': 'app-name' }, name)),
    h('dl', {},
      h('dt', {}, 'Project'), h('dd', {}, spec.project || 'default'),
      h('dt', {}, 'Status'), h('dd', { class: 'statuses' }, healthBadge(s.health), syncBadge(s.sync)),
      h('dt', {}, 'Repository'), h('dd', { title: source.repoURL }, source.repoURL || ''),
      h('dt', {}, 'Target Rev'), h('dd', {}, source.targetRevision || 'HEAD'),
      h('dt', {}, 'Path'), h('dd', {}, source.path || source.chart || ''),
      h('dt', {}, 'Destination'), h('dd', {}, dest.server || dest.name || ''),
      h('dt', {}, 'Namespace'), h('dd', {}, dest.namespace || ''),
      s.revision ? [h('dt', {}, 'Revision'), h('dd', { class: 'mono' }, shortRevision(s.revision))] : null,
      h('dt', {}, 'Created'), h('dd', {}, ago(app.metadata.creationTimestamp))),
    h('div', { class: 'tile-actions' },
      h('button', { class: 'btn', 'data-testid': 'tile-sync', onclick: act(async () => openSyncPanel({ app, onDone: load })) }, 'Sync'),
      h('button', { class: 'btn', 'data-testid': 'tile-refresh', onclick: act(async () => upsert(await api.application(name, 'normal'))) }, 'Refresh'),
      h('button', {
        class: 'btn danger', 'data-testid': 'tile-delete',
        onclick: act(async () => {
          if (!confirm(`Delete application ${name} and its resources?`)) return;
          await api.deleteApplication(name);
          apps.delete(name);
          render();
        }),
      }, 'Delete')),
    actionError);
  }

  function render() {
    renderFilters();
    if (!loaded) return;
    const shown = visible();
    if (!apps.size) {
      mount(tiles, h('div', { class: 'empty', style: 'grid-column:1/-1', 'data-testid': 'no-apps' },
        h('h2', {}, 'No applications yet'),
        h('p', {}, 'Create one to deploy from Git to your cluster.'),
        h('button', { class: 'btn primary', onclick: create }, '+ New app')));
    } else if (!shown.length) {
      mount(tiles, h('div', { class: 'empty', style: 'grid-column:1/-1' }, 'No application matches the filters.'));
    } else {
      mount(tiles, shown.map(tile));
    }
  }

  function upsert(app) {
    if (app && app.metadata && !isOlder(app, apps.get(app.metadata.name))) apps.set(app.metadata.name, app);
    render();
  }

  async function load() {
    try {
      const list = await api.applications();
      apps.clear();
      for (const app of (list && list.items) || []) apps.set(app.metadata.name, app);
      loaded = true;
      message.replaceChildren();
      render();
    } catch (e) {
      message.replaceChildren(errorBox(e, 'list-error'));
    }
  }

  const create = () => openCreateApp({ onCreated: (app) => navigate(`#/applications/${encodeURIComponent(app.metadata.name)}`) });

  const stop = watchApplications({
    onMode: (mode) => { liveBadge.textContent = mode === 'live' ? 'live' : 'polling'; liveBadge.classList.toggle('live-on', mode === 'live'); },
    onEvent: (event) => {
      if (event.type === 'LIST') {
        apps.clear();
        for (const app of event.items) apps.set(app.metadata.name, app);
        loaded = true;
        render();
      } else if (event.type === 'DELETED') {
        apps.delete(event.application.metadata.name);
        render();
      } else {
        upsert(event.application);
      }
    },
  });

  load();
  const element = frame({
    title: 'Applications',
    actions: [liveBadge, search, h('button', { class: 'btn primary', 'data-testid': 'new-app', onclick: create }, '+ New app')],
    body: [message, h('div', { class: 'list-layout' }, sidebar, tiles)],
  });
  render();
  return { element, destroy: stop };
}
