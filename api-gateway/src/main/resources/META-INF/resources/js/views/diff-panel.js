// The diff: for each resource that differs, the desired manifest beside the live one, as YAML,
// from /api/v1/applications/{name}/managed-resources.
import { api } from '../api.js';
import { h } from '../dom.js';
import { canonical, diffRows, parseState, toYaml } from '../yaml.js';
import { errorBox, slidingPanel } from './common.js';

/** Desired (left) and live (right) YAML side by side, with changed lines marked. */
export function sideBySide(desired, live) {
  const rows = diffRows(desired ? toYaml(canonical(desired)) : '', live ? toYaml(canonical(live)) : '');
  const left = h('div', { class: 'left' }, h('div', { class: 'head' }, 'Desired manifest'));
  const right = h('div', { class: 'right' }, h('div', { class: 'head' }, 'Live manifest'));
  for (const row of rows) {
    const cls = row.kind === 'same' ? '' : row.kind === 'add' ? 'gap' : 'del';
    const rcls = row.kind === 'same' ? '' : row.kind === 'del' ? 'gap' : 'add';
    left.append(h('div', { class: `diff-line ${row.left === undefined ? 'gap' : cls}`, 'data-testid': row.kind === 'same' ? null : 'diff-desired-line' }, row.left === undefined ? '' : row.left));
    right.append(h('div', { class: `diff-line ${row.right === undefined ? 'gap' : rcls}`, 'data-testid': row.kind === 'same' ? null : 'diff-live-line' }, row.right === undefined ? '' : row.right));
  }
  return h('div', { class: 'diff-grid' }, left, right);
}

export function openDiffPanel({ name }) {
  const panel = slidingPanel({ title: `Diff: ${name}`, testid: 'diff-panel' });
  panel.body.append(h('p', { class: 'crumbs' }, 'Loading…'));
  api.managedResources(name).then((response) => {
    const items = ((response && response.items) || []).filter((r) => r.modified);
    panel.body.replaceChildren();
    if (!items.length) {
      panel.body.append(h('div', { class: 'notice', 'data-testid': 'diff-none' }, 'Every resource matches Git.'));
      return;
    }
    for (const item of items) {
      const desired = parseState(item.targetState);
      const live = parseState(item.normalizedLiveState) || parseState(item.liveState);
      panel.body.append(h('section', {
        class: 'diff-resource', 'data-testid': 'diff-resource', 'data-kind': item.kind, 'data-name': item.name,
      },
      h('h3', {}, h('span', { class: 'kind' }, item.kind), item.namespace ? `${item.namespace}/${item.name}` : item.name,
        !live ? h('span', { class: 'crumbs' }, '(missing from the cluster)') : null,
        !desired ? h('span', { class: 'crumbs' }, '(not in Git: prune removes it)') : null),
      sideBySide(desired, live)));
    }
  }).catch((e) => panel.body.replaceChildren(errorBox(e, 'diff-error')));
  return panel;
}
