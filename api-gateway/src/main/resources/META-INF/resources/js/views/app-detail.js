// One application: its header (source, destination, sync and health, last operation), the
// Refresh / Sync / Diff / History buttons, and its resource tree, kept live by the stream.
import { api, watchApplications } from '../api.js';
import { ago, h, mount, shortRevision, svg } from '../dom.js';
import { appStatus, healthBadge, phaseBadge, syncBadge } from '../status.js';
import { errorBox, isOlder } from './common.js';
import { openDiffPanel } from './diff-panel.js';
import { openHistory } from './history.js';
import { actionReport, nodeMenuButton } from './resource-actions.js';
import { openResourcePanel } from './resource-panel.js';
import { resourceTree, treeNodes } from './resource-tree.js';
import { openSyncPanel } from './sync-panel.js';

/** How often the tree is read again while the page is in view (it has no stream of its own). */
const TREE_POLL_MS = 5000;

const ICON = {
  sync: ['M12 4V1L8 5l4 4V6a6 6 0 0 1 5.2 9l1.5 1.4A8 8 0 0 0 12 4zm0 14a6 6 0 0 1-5.2-9L5.3 7.6A8 8 0 0 0 12 20v3l4-4-4-4z'],
  refresh: ['M17.6 6.4A8 8 0 1 0 19.7 14h-2.1a6 6 0 1 1-1.4-6.2L13 11h7V4z'],
  diff: ['M7 3h2v4h4v2H9v4H7V9H3V7h4zm-4 14h10v2H3zm13-14h2v18h-2z'],
  history: ['M13 3a9 9 0 0 0-9 9H1l4 4 4-4H6a7 7 0 1 1 2 4.9l-1.4 1.4A9 9 0 1 0 13 3zm-1 5v5l4.3 2.5.7-1.2-3.5-2.1V8z'],
  trash: ['M6 19a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2V7H6zM19 4h-3.5l-1-1h-5l-1 1H5v2h14z'],
};

export function appDetailView({ name, frame, navigate }) {
  let app = null;
  let nodes = [];
  const header = h('div', { class: 'summary app-summary', 'data-testid': 'app-header' });
  const treeBox = h('div', { class: 'tree-wrap' }, h('p', { class: 'crumbs' }, 'Loading…'));
  const message = h('div', { 'data-testid': 'app-message' });
  const liveBadge = h('span', { class: 'live', 'data-testid': 'live-mode' }, 'connecting');

  const button = (label, icon, testid, onclick, cls = 'btn') =>
    h('button', { class: cls, 'data-testid': testid, onclick }, svg('0 0 24 24', ICON[icon]), label);
  const action = (fn) => async () => {
    message.replaceChildren();
    try {
      await fn();
    } catch (e) {
      message.replaceChildren(errorBox(e, 'action-error'));
    }
  };
  const refresh = (kind) => action(async () => {
    setApp(await api.application(name, kind));
    loadTree();
  });
  const syncButton = button('Sync', 'sync', 'app-sync', action(async () => {
    openSyncPanel({ app, onDone: (result) => { if (result && result.metadata) setApp(result); } });
  }), 'btn primary');
  const diffButton = button('App diff', 'diff', 'app-diff', action(async () => openDiffPanel({ name })));
  const toolbar = [
    syncButton,
    h('span', { class: 'btn-group' },
      button('Refresh', 'refresh', 'app-refresh', refresh('normal')),
      h('button', { class: 'btn', title: 'Hard refresh: render the manifests again', 'data-testid': 'app-refresh-hard', onclick: refresh('hard') }, 'Hard')),
    diffButton,
    button('History and rollback', 'history', 'app-history', action(async () => {
      openHistory({ app, onDone: (result) => { if (result && result.metadata) setApp(result); } });
    })),
    button('Delete', 'trash', 'app-delete', action(async () => {
      if (!confirm(`Delete application ${name} and the resources it deployed?`)) return;
      await api.deleteApplication(name);
      navigate('#/applications');
    }), 'btn danger'),
  ];

  function renderHeader() {
    const s = appStatus(app);
    const spec = app.spec || {};
    const source = spec.source || (spec.sources && spec.sources[0]) || {};
    const dest = spec.destination || {};
    const op = s.operation;
    const conditions = (app.status && app.status.conditions) || [];
    diffButton.disabled = s.sync !== 'OutOfSync';
    mount(header,
      h('div', { class: 'card' }, h('h4', {}, 'App health'), h('div', { class: 'big' }, healthBadge(s.health, 'app-health-status')),
        app.status && app.status.health && app.status.health.message ? h('div', { class: 'sub' }, app.status.health.message) : null),
      h('div', { class: 'card' }, h('h4', {}, 'Sync status'), h('div', { class: 'big' }, syncBadge(s.sync, 'app-sync-status')),
        h('div', { class: 'sub' }, `to ${source.targetRevision || 'HEAD'}`,
          s.revision ? h('span', { class: 'mono', 'data-testid': 'app-revision', title: s.revision }, ` (${shortRevision(s.revision)})`) : null)),
      lastSyncCard(op),
      h('div', { class: 'card', 'data-testid': 'app-source' }, h('h4', {}, 'Source and destination'),
        h('dl', {},
          h('dt', {}, 'Repository'), h('dd', { 'data-testid': 'app-repo' }, source.repoURL || ''),
          h('dt', {}, 'Path'), h('dd', { 'data-testid': 'app-path' }, source.path || source.chart || ''),
          h('dt', {}, 'Revision'), h('dd', {}, source.targetRevision || 'HEAD'),
          h('dt', {}, 'Cluster'), h('dd', {}, dest.server || dest.name || ''),
          h('dt', {}, 'Namespace'), h('dd', { 'data-testid': 'app-namespace' }, dest.namespace || ''),
          h('dt', {}, 'Project'), h('dd', {}, spec.project || 'default'))),
      conditions.length ? h('div', { class: 'card', style: 'grid-column:1/-1', 'data-testid': 'app-conditions' },
        h('h4', {}, 'Conditions'),
        conditions.map((c) => h('div', { class: 'error' }, h('strong', {}, c.type), c.message))) : null);
  }

  /** Argo's "Last sync" card: phase, message, revision, who started it and when. */
  function lastSyncCard(op) {
    const operation = (op && op.operation) || {};
    const id = ((operation.info || []).find((i) => i.name === 'operationId') || {}).value;
    const revision = (op && op.syncResult && op.syncResult.revision) || (operation.sync && operation.sync.revision);
    const by = operation.initiatedBy && (operation.initiatedBy.username || (operation.initiatedBy.automated && 'automated sync'));
    return h('div', { class: 'card', 'data-testid': 'app-last-sync', 'data-operation-id': id },
      h('h4', {}, 'Last sync'),
      op ? [h('div', { class: 'big' }, phaseBadge(op.phase, 'app-operation-phase')),
        h('div', { class: 'sub', 'data-testid': 'app-operation-message' }, op.message || ''),
        revision ? h('div', { class: 'sub' }, 'to ', h('span', { class: 'mono', title: revision }, shortRevision(revision)), by ? ` by ${by}` : '') : null,
        h('div', { class: 'sub' }, op.finishedAt ? `finished ${ago(op.finishedAt)}` : op.startedAt ? `started ${ago(op.startedAt)}` : '')]
        : h('div', { class: 'sub' }, 'never synced'));
  }

  function renderTree() {
    if (!app) return;
    const openPanel = (node) => openResourcePanel({ app, node, syncStatus: node.sync });
    mount(treeBox, resourceTree({
      app, nodes,
      onSelect: openPanel,
      nodeMenu: (node) => nodeMenuButton({ app, node, onDetails: openPanel, report: reportAction }),
    }));
  }

  /** A resource action run from the tree: its outcome above the page, where errors go. */
  function reportAction(result) {
    message.replaceChildren(...[actionReport(result)].filter(Boolean));
    if (result && result.done) loadTreeSoon();
  }

  function setApp(next) {
    if (app && isOlder(next, app)) return;
    app = next;
    renderHeader();
    renderTree();
  }

  let treeTimer = null;
  let shownTree = null;
  async function loadTree() {
    clearTimeout(treeTimer);
    treeTimer = null;
    try {
      const tree = await api.resourceTree(name);
      const seen = `${app && app.metadata.resourceVersion} ${JSON.stringify(tree)}`;
      if (seen === shownTree) return; // unchanged: keep the page (and any open menu) as it is
      shownTree = seen;
      nodes = treeNodes(app, tree);
    } catch (e) {
      shownTree = null;
      nodes = treeNodes(app, null);
      message.replaceChildren(errorBox(e, 'tree-error'));
    }
    renderTree();
  }
  const loadTreeSoon = () => { if (!treeTimer) treeTimer = setTimeout(loadTree, 700); };
  // Live objects change without the app changing (a Deployment seen after its sync, pods coming
  // and going), so the tree is also read again now and then while the page is in view.
  const treePoll = setInterval(() => {
    if (document.visibilityState === 'visible' && !treeTimer) loadTree();
  }, TREE_POLL_MS);

  const body = h('div', {}, message, header, treeBox);
  const element = frame({
    title: name,
    crumbs: h('a', { href: '#/applications' }, 'Applications'),
    actions: liveBadge,
    toolbar,
    body,
  });

  api.application(name).then((loaded) => {
    setApp(loaded);
    loadTree();
  }).catch((e) => {
    mount(body, errorBox(e, 'app-error'), h('a', { href: '#/applications' }, '← back to the applications'));
  });

  const stop = watchApplications({
    name,
    onMode: (mode) => { liveBadge.textContent = mode === 'live' ? 'live' : 'polling'; liveBadge.classList.toggle('live-on', mode === 'live'); },
    onEvent: (event) => {
      if (event.type === 'DELETED') {
        message.replaceChildren(errorBox({ title: 'Deleted', detail: `application ${name} was deleted` }, 'app-deleted'));
        return;
      }
      if (!event.application || !event.application.metadata) return;
      const known = app && app.metadata.resourceVersion;
      setApp(event.application);
      if (!known || known !== event.application.metadata.resourceVersion) loadTreeSoon();
    },
  });
  return { element, destroy: () => { stop(); clearTimeout(treeTimer); clearInterval(treePoll); } };
}
