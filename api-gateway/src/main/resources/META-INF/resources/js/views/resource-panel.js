// One resource's details: its live and desired manifests (from managed-resources) and, when they
// differ, the diff; for children (ReplicaSet, Pod) only what the tree knows. A live resource's
// Actions menu (resource-actions.js) sits in the header, its outcome at the top of the panel.
import { api } from '../api.js';
import { h } from '../dom.js';
import { HEALTH, SYNC, statusBadge } from '../status.js';
import { parseState, toYaml } from '../yaml.js';
import { errorBox, resourceKey, slidingPanel } from './common.js';
import { sideBySide } from './diff-panel.js';
import { actionReport, actionsButton } from './resource-actions.js';

export function openResourcePanel({ app, node, syncStatus }) {
  const appName = app.metadata.name;
  const tabsEl = h('div', { class: 'tabs' });
  const pane = h('div');
  const message = h('div', { 'data-testid': 'resource-message' });
  const report = (result) => message.replaceChildren(...[actionReport(result)].filter(Boolean));
  const panel = slidingPanel({
    title: `${node.kind} ${node.name}`, testid: 'resource-panel',
    headerActions: node.notLive ? null : actionsButton({ app, node, report }),
  });
  panel.body.append(
    message,
    h('div', { class: 'summary' },
      h('div', { class: 'card' }, h('h4', {}, 'Health'), statusBadge(HEALTH, node.health && node.health.status, 'resource-health'),
        node.health && node.health.message ? h('div', { class: 'sub' }, node.health.message) : null),
      syncStatus ? h('div', { class: 'card' }, h('h4', {}, 'Sync'), statusBadge(SYNC, syncStatus, 'resource-sync')) : null,
      h('div', { class: 'card' }, h('h4', {}, 'Resource'),
        h('dl', {}, h('dt', {}, 'Kind'), h('dd', {}, `${node.group ? node.group + '/' : ''}${node.kind}`),
          h('dt', {}, 'Namespace'), h('dd', {}, node.namespace || '—'),
          node.createdAt ? [h('dt', {}, 'Created'), h('dd', {}, node.createdAt)] : null))),
    tabsEl, pane);

  const show = (tabs, active) => {
    tabsEl.replaceChildren(...tabs.map((t) => h('button', {
      class: 'tab' + (t.id === active ? ' active' : ''), 'data-testid': `tab-${t.id}`,
      onclick: () => show(tabs, t.id),
    }, t.label)));
    pane.replaceChildren(tabs.find((t) => t.id === active).render());
  };
  const manifest = (value, testid) => () => value
    ? h('pre', { class: 'manifest', 'data-testid': testid }, toYaml(value))
    : h('div', { class: 'notice', 'data-testid': testid }, 'None: ' + (testid.includes('live') ? 'the object is not in the cluster.' : 'the object is not in Git.'));

  pane.append(h('p', { class: 'crumbs' }, 'Loading…'));
  api.managedResources(appName).then((response) => {
    const item = ((response && response.items) || []).find((r) => resourceKey(r) === resourceKey(node));
    if (!item) {
      tabsEl.replaceChildren();
      pane.replaceChildren(h('div', { class: 'notice', 'data-testid': 'resource-not-managed' },
        `${node.kind} ${node.name} is not in Git: a controller made it from a resource the app manages.`));
      return;
    }
    const live = parseState(item.liveState);
    const desired = parseState(item.targetState);
    const tabs = [
      { id: 'live', label: 'Live manifest', render: manifest(live, 'manifest-live') },
      { id: 'desired', label: 'Desired manifest', render: manifest(desired, 'manifest-desired') },
    ];
    if (item.modified) {
      tabs.push({ id: 'diff', label: 'Diff', render: () => sideBySide(desired, parseState(item.normalizedLiveState) || live) });
    }
    show(tabs, 'live');
  }).catch((e) => pane.replaceChildren(errorBox(e, 'resource-error')));
  return panel;
}
