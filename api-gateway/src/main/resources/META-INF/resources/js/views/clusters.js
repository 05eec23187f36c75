// Settings / Clusters: Argo CD's cluster list (name, URL, version, connection status) and a
// read-only page per cluster. Clusters are registered with the CLI (quargo cluster add).
import { api } from '../api.js';
import { ago, h, mount } from '../dom.js';
import { connectionBadge } from '../status.js';
import { errorBox } from './common.js';
import { details, emptyState, loadInto, section, table } from './tables.js';

const clusterHref = (server) => `#/settings/clusters/${encodeURIComponent(server)}`;

export function clustersView({ frame, navigate }) {
  const body = h('div', { class: 'box flush' });
  const render = (list) => table({
    testid: 'clusters-table',
    rows: ((list && list.items) || []).sort((a, b) => (a.name || '').localeCompare(b.name || '')),
    rowAttrs: (c) => ({ 'data-testid': 'cluster-row', 'data-server': c.server, 'data-name': c.name }),
    onRowClick: (c) => navigate(clusterHref(c.server)),
    empty: emptyState('No clusters', 'Register one with quargo cluster add.'),
    columns: [
      { title: 'Name', class: 'strong', cell: (c) => c.name || '' },
      { title: 'URL', class: 'mono', cell: (c) => c.server },
      { title: 'Version', cell: (c) => version(c) },
      { title: 'Connection status', cell: (c) => connectionBadge(state(c), 'cluster-connection') },
    ],
  });
  loadInto(body, api.clusters, render, 'clusters-error');
  return {
    element: frame({ title: 'Clusters', crumbs: h('a', { href: '#/settings' }, 'Settings'), body }),
  };
}

export function clusterDetailView({ server, frame }) {
  const body = h('div', {}, h('p', { class: 'crumbs' }, 'Loading…'));
  api.cluster(server).then((c) => {
    const s = state(c);
    const namespaces = c.namespaces || [];
    mount(body, h('div', { class: 'sections', 'data-testid': 'cluster-detail' },
      section('General', {}, details([
        ['Server', h('span', { class: 'mono' }, c.server), 'cluster-detail-server'],
        ['Name', c.name, 'cluster-detail-name'],
        ['Project', c.project],
        ['Namespaces', namespaces.length ? namespaces.join(', ') : 'all namespaces'],
        ['Skip TLS verification', c.config && c.config.tlsClientConfig && c.config.tlsClientConfig.insecure ? 'yes' : 'no'],
      ])),
      section('Connection', {}, details([
        ['Status', connectionBadge(s, 'cluster-detail-connection')],
        ['Message', s.message],
        ['Server version', version(c), 'cluster-detail-version'],
        ['Checked', s.attemptedAt ? `${ago(s.attemptedAt)} (${s.attemptedAt})` : ''],
      ]))));
  }).catch((e) => mount(body, errorBox(e, 'cluster-load-error'), h('a', { href: '#/settings/clusters' }, '← back to the clusters')));

  return {
    element: frame({
      title: server,
      crumbs: [h('a', { href: '#/settings' }, 'Settings'), ' / ', h('a', { href: '#/settings/clusters' }, 'Clusters')],
      body,
    }),
  };
}

function state(cluster) {
  return cluster.connectionState || (cluster.info && cluster.info.connectionState) || {};
}

function version(cluster) {
  return cluster.serverVersion || (cluster.info && cluster.info.serverVersion) || '';
}
