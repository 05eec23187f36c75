// History and rollback: status.history newest first, each with a rollback to its id.
import { api } from '../api.js';
import { ago, h, shortRevision } from '../dom.js';
import { errorBox, slidingPanel } from './common.js';

export function openHistory({ app, onDone }) {
  const name = app.metadata.name;
  const history = [...((app.status && app.status.history) || [])].reverse();
  const error = h('div');
  const automated = Boolean(app.spec && app.spec.syncPolicy && app.spec.syncPolicy.automated);
  const panel = slidingPanel({ title: `History of ${name}`, testid: 'history-panel', narrow: true });
  panel.body.append(error);
  if (!history.length) {
    panel.body.append(h('div', { class: 'notice', 'data-testid': 'history-empty' }, 'No sync has happened yet.'));
    return panel;
  }
  if (automated) {
    panel.body.append(h('div', { class: 'notice' }, 'Automated sync is on: turn it off to roll back, as in Argo CD.'));
  }
  panel.body.append(h('table', { class: 'history' },
    h('thead', {}, h('tr', {}, h('th', {}, 'ID'), h('th', {}, 'Revision'), h('th', {}, 'Deployed'), h('th', {}, ''))),
    h('tbody', {}, history.map((entry, index) => h('tr', { 'data-testid': 'history-entry', 'data-id': entry.id },
      h('td', {}, String(entry.id)),
      h('td', {}, h('span', { class: 'mono', title: entry.revision }, shortRevision(entry.revision)),
        entry.source && entry.source.path ? h('div', { class: 'crumbs' }, entry.source.path) : null),
      h('td', { title: entry.deployedAt }, ago(entry.deployedAt)),
      h('td', {}, index === 0 ? h('span', { class: 'crumbs' }, 'current') : h('button', {
        class: 'btn', 'data-testid': 'history-rollback', disabled: automated,
        onclick: async (event) => {
          if (!confirm(`Roll ${name} back to history entry ${entry.id}?`)) return;
          event.target.disabled = true;
          error.replaceChildren();
          try {
            const result = await api.rollback(name, { id: entry.id, prune: false, dryRun: false });
            panel.close();
            onDone && onDone(result);
          } catch (e) {
            error.replaceChildren(errorBox(e, 'rollback-error'));
            event.target.disabled = false;
          }
        },
      }, 'Rollback')))))));
  return panel;
}
