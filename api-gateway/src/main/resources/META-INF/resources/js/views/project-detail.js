// Settings / Projects / <name>: Argo CD's project page — general, source repositories,
// destinations, the cluster and namespace resource lists, roles (policies, groups, token issue
// times) and sync windows — with Edit and Delete.
import { api } from '../api.js';
import { ago, h, mount } from '../dom.js';
import { errorBox } from './common.js';
import { openProjectForm } from './projects.js';
import { details, epochTime, section, table } from './tables.js';

export function projectDetailView({ name, frame, navigate }) {
  let project = null;
  const body = h('div', {}, h('p', { class: 'crumbs' }, 'Loading…'));
  const message = h('div');

  const edit = h('button', {
    class: 'btn', 'data-testid': 'project-edit', disabled: true,
    onclick: () => openProjectForm({ project, onSaved: show }),
  }, 'Edit');
  const remove = h('button', {
    class: 'btn danger', 'data-testid': 'project-delete', disabled: true,
    onclick: async () => {
      if (!confirm(`Delete project ${name}? Applications must have left it first.`)) return;
      message.replaceChildren();
      try {
        await api.deleteProject(name);
        navigate('#/settings/projects');
      } catch (e) {
        message.replaceChildren(errorBox(e, 'project-action-error'));
      }
    },
  }, 'Delete');

  function show(loaded) {
    project = loaded;
    edit.disabled = false;
    remove.disabled = name === 'default';
    mount(body, render(loaded));
  }

  api.project(name).then(show).catch((e) => mount(body, errorBox(e, 'project-load-error'),
    h('a', { href: '#/settings/projects' }, '← back to the projects')));

  return {
    element: frame({
      title: name,
      crumbs: [h('a', { href: '#/settings' }, 'Settings'), ' / ', h('a', { href: '#/settings/projects' }, 'Projects')],
      toolbar: [edit, remove],
      body: [message, body],
    }),
  };
}

function render(project) {
  const spec = project.spec || {};
  return h('div', { class: 'sections', 'data-testid': 'project-detail' },
    section('General', { 'data-testid': 'project-general' }, details([
      ['Name', project.metadata.name, 'project-detail-name'],
      ['Description', spec.description, 'project-detail-description'],
      ['Created', project.metadata.creationTimestamp ? ago(project.metadata.creationTimestamp) : ''],
    ])),
    section('Source repositories', { 'data-testid': 'project-sources-box' },
      plainList(spec.sourceRepos, 'project-source', 'The source repositories list is empty: no application may use this project.')),
    section('Destinations', { 'data-testid': 'project-destinations-box' }, table({
      testid: 'project-destinations-table',
      rows: spec.destinations || [],
      rowAttrs: () => ({ 'data-testid': 'project-destination' }),
      empty: h('p', { class: 'crumbs' }, 'The destinations list is empty: no application may deploy with this project.'),
      columns: [
        { title: 'Server', class: 'mono', cell: (d) => d.server || '' },
        { title: 'Name', cell: (d) => d.name || '' },
        { title: 'Namespace', class: 'mono', cell: (d) => d.namespace || '' },
      ],
    })),
    h('div', { class: 'box-grid' },
      kinds('Cluster resource allow list', spec.clusterResourceWhitelist, 'cluster-allow'),
      kinds('Cluster resource deny list', spec.clusterResourceBlacklist, 'cluster-deny'),
      kinds('Namespace resource allow list', spec.namespaceResourceWhitelist, 'namespace-allow'),
      kinds('Namespace resource deny list', spec.namespaceResourceBlacklist, 'namespace-deny')),
    section('Roles', { 'data-testid': 'project-roles' },
      (spec.roles || []).length ? spec.roles.map(role) : h('p', { class: 'crumbs' }, 'Project has no roles.')),
    (spec.syncWindows || []).length ? section('Sync windows', { 'data-testid': 'project-sync-windows' }, table({
      testid: 'sync-windows-table',
      rows: spec.syncWindows,
      rowAttrs: () => ({ 'data-testid': 'sync-window' }),
      columns: [
        { title: 'Kind', cell: (w) => h('span', { class: `pill ${w.kind === 'deny' ? 'deny' : 'allow'}` }, w.kind || 'allow') },
        { title: 'Schedule', class: 'mono', cell: (w) => w.schedule || '' },
        { title: 'Duration', cell: (w) => w.duration || '' },
        { title: 'Applications', class: 'mono', cell: (w) => (w.applications || []).join(', ') },
        { title: 'Namespaces', class: 'mono', cell: (w) => (w.namespaces || []).join(', ') },
        { title: 'Clusters', class: 'mono', cell: (w) => (w.clusters || []).join(', ') },
        { title: 'Manual sync', cell: (w) => (w.manualSync ? 'allowed' : 'no') },
        { title: 'Time zone', cell: (w) => w.timeZone || 'UTC' },
      ],
    })) : null);
}

function plainList(items = [], testid, empty) {
  return items.length
    ? h('ul', { class: 'plain mono' }, items.map((item) => h('li', { 'data-testid': testid }, item)))
    : h('p', { class: 'crumbs' }, empty);
}

/** A group/kind list, as Argo's resource lists panel. */
function kinds(title, items = [], testid) {
  return section(title, { 'data-testid': testid }, table({
    testid: `${testid}-table`,
    rows: items,
    rowAttrs: () => ({ 'data-testid': 'group-kind' }),
    empty: h('p', { class: 'crumbs' }, `The ${title.toLowerCase()} is empty.`),
    columns: [
      { title: 'Group', class: 'mono', cell: (k) => (k.group === '' ? '(core)' : k.group || '') },
      { title: 'Kind', class: 'mono', cell: (k) => k.kind || '' },
    ],
  }));
}

/** One project role: its policies, groups and the issue times of its tokens. */
function role(r) {
  const tokens = r.jwtTokens || [];
  return h('div', { class: 'role', 'data-testid': 'project-role', 'data-name': r.name },
    h('h4', {}, r.name, r.description ? h('span', { class: 'crumbs' }, ` — ${r.description}`) : null),
    h('div', { class: 'label' }, 'Policies'),
    (r.policies || []).length
      ? h('ul', { class: 'plain mono' }, r.policies.map((p) => h('li', { 'data-testid': 'role-policy' }, p)))
      : h('p', { class: 'crumbs' }, 'No policies.'),
    (r.groups || []).length ? [h('div', { class: 'label' }, 'Groups'), h('p', { class: 'mono' }, r.groups.join(', '))] : null,
    h('div', { class: 'label' }, 'Tokens'),
    table({
      testid: 'role-tokens',
      rows: tokens,
      rowAttrs: (t) => ({ 'data-testid': 'role-token', 'data-iat': t.iat }),
      empty: h('p', { class: 'crumbs' }, 'No tokens issued.'),
      columns: [
        { title: 'ID', class: 'mono', cell: (t) => t.id || '' },
        { title: 'Issued at', cell: (t) => epochTime(t.iat) },
        { title: 'Expires at', cell: (t) => (t.exp ? epochTime(t.exp) : 'never') },
      ],
    }));
}
