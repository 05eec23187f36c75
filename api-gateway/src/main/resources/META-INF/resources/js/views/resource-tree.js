// The resource tree, laid out as Argo draws it: the app on the left, each resource a column further
// right than its parent (Application → Deployment → ReplicaSet → Pod), joined by curves.
import { h } from '../dom.js';
import { HEALTH, SYNC, statusIcon } from '../status.js';
import { kindLabel, resourceKey } from './common.js';

const NODE_W = 260;
const NODE_H = 62;
const GAP_X = 64;
const GAP_Y = 16;
const KIND_ORDER = ['Namespace', 'ServiceAccount', 'Secret', 'ConfigMap', 'PersistentVolumeClaim', 'Role',
  'RoleBinding', 'Service', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod', 'Ingress'];

function kindRank(kind) {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

/**
 * Builds the nodes: the tree's live objects, plus the app's resources that are not live yet
 * (Missing, marked notLive), each with its sync status from status.resources.
 */
export function treeNodes(app, tree) {
  const statusByKey = new Map(((app.status && app.status.resources) || []).map((r) => [resourceKey(r), r]));
  const nodes = ((tree && tree.nodes) || []).map((n) => ({ ...n, key: resourceKey(n) }));
  const present = new Set(nodes.map((n) => n.key));
  for (const [key, r] of statusByKey) {
    if (!present.has(key)) {
      nodes.push({ group: r.group, kind: r.kind, namespace: r.namespace, name: r.name, key, health: r.health || { status: 'Missing' }, notLive: true });
    }
  }
  for (const n of nodes) {
    const s = statusByKey.get(n.key);
    n.sync = s ? s.status : null;
    if (s && !n.health && s.health) n.health = s.health;
  }
  return nodes;
}

/**
 * The laid-out tree as an element; onSelect(node) on a click; nodeMenu(node), when given, makes the
 * button at the right of each resource's card (its kebab menu).
 */
export function resourceTree({ app, nodes, onSelect, nodeMenu }) {
  const byUid = new Map(nodes.filter((n) => n.uid).map((n) => [n.uid, n]));
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const root = {
    key: 'app', kind: 'Application', name: app.metadata.name, isApp: true, children: [],
    health: app.status && app.status.health, sync: app.status && app.status.sync && app.status.sync.status,
  };
  for (const n of nodes) n.children = [];
  for (const n of nodes) {
    const ref = (n.parentRefs || [])[0];
    const parent = ref && (byUid.get(ref.uid) || byKey.get(resourceKey(ref)));
    (parent && parent !== n ? parent : root).children.push(n);
  }
  const order = (a, b) => kindRank(a.kind) - kindRank(b.kind) || a.name.localeCompare(b.name);

  // rows: every leaf takes the next row, a parent sits in the middle of its children
  let nextRow = 0;
  let maxDepth = 0;
  const place = (node, depth) => {
    node.depth = depth;
    maxDepth = Math.max(maxDepth, depth);
    node.children.sort(order);
    if (!node.children.length) {
      node.row = nextRow++;
    } else {
      node.children.forEach((c) => place(c, depth + 1));
      node.row = (node.children[0].row + node.children[node.children.length - 1].row) / 2;
    }
  };
  place(root, 0);
  const rows = Math.max(nextRow, 1);
  const width = (maxDepth + 1) * (NODE_W + GAP_X) - GAP_X;
  const height = rows * (NODE_H + GAP_Y) - GAP_Y;
  const x = (n) => n.depth * (NODE_W + GAP_X);
  const y = (n) => n.row * (NODE_H + GAP_Y);

  const ns = 'http://www.w3.org/2000/svg';
  const edges = document.createElementNS(ns, 'svg');
  edges.setAttribute('class', 'edges');
  edges.setAttribute('width', width);
  edges.setAttribute('height', height);
  const cards = [];
  const visit = (node) => {
    for (const child of node.children) {
      const x1 = x(node) + NODE_W;
      const y1 = y(node) + NODE_H / 2;
      const x2 = x(child);
      const y2 = y(child) + NODE_H / 2;
      const path = document.createElementNS(ns, 'path');
      path.setAttribute('d', `M${x1} ${y1} C${x1 + GAP_X / 2} ${y1}, ${x2 - GAP_X / 2} ${y2}, ${x2} ${y2}`);
      edges.append(path);
      visit(child);
    }
    cards.push(card(node));
  };
  const card = (node) => h('div', {
    class: 'node' + (node.isApp ? ' app' : ''),
    style: `left:${x(node)}px;top:${y(node)}px`,
    'data-testid': node.isApp ? 'tree-app' : 'tree-node',
    'data-kind': node.kind, 'data-name': node.name,
    'data-health': (node.health && node.health.status) || '',
    'data-sync': node.sync || '',
    title: `${node.kind} ${node.name}` + (node.health && node.health.message ? `: ${node.health.message}` : ''),
    onclick: () => !node.isApp && onSelect(node),
  },
  h('div', { class: 'node-kind' }, kindLabel(node.kind)),
  h('div', { class: 'node-text' },
    h('div', { class: 'node-name' }, node.name),
    h('div', { class: 'node-sub' }, node.isApp ? 'Application' : `${node.kind}${node.namespace ? ' · ' + node.namespace : ''}`)),
  h('div', { class: 'node-status' },
    node.health && node.health.status ? statusIcon(HEALTH, node.health.status) : null,
    node.sync ? statusIcon(SYNC, node.sync) : null),
  nodeMenu && !node.isApp ? nodeMenu(node) : null);
  visit(root);
  return h('div', { class: 'tree', 'data-testid': 'resource-tree', style: `width:${width}px;height:${height}px` }, edges, cards);
}
