// The sync panel: prune, dry run, revision and which resources, posted in Argo's
// ApplicationSyncRequest shape to /api/v1/applications/{name}/sync.
import { api } from '../api.js';
import { h } from '../dom.js';
import { statusIcon, SYNC } from '../status.js';
import { errorBox, resourceKey, slidingPanel } from './common.js';

export function openSyncPanel({ app, onDone }) {
  const name = app.metadata.name;
  const source = (app.spec && app.spec.source) || {};
  const prune = h('input', { type: 'checkbox', 'data-testid': 'sync-prune' });
  const dryRun = h('input', { type: 'checkbox', 'data-testid': 'sync-dry-run' });
  const applyOnly = h('input', { type: 'checkbox', 'data-testid': 'sync-apply-only' });
  const force = h('input', { type: 'checkbox', 'data-testid': 'sync-force' });
  const revision = h('input', { type: 'text', value: source.targetRevision || 'HEAD', 'data-testid': 'sync-revision' });
  const resources = ((app.status && app.status.resources) || []).map((r) => ({
    resource: r,
    box: h('input', { type: 'checkbox', checked: true, 'data-testid': 'sync-resource', 'data-key': resourceKey(r) }),
  }));
  const error = h('div');

  const allBox = h('input', {
    type: 'checkbox', checked: true, 'data-testid': 'sync-resource-all',
    onchange: () => resources.forEach((r) => { r.box.checked = allBox.checked; }),
  });

  const submit = h('button', {
    class: 'btn primary', 'data-testid': 'sync-submit',
    onclick: async () => {
      error.replaceChildren();
      const chosen = resources.filter((r) => r.box.checked).map((r) => r.resource);
      if (resources.length && !chosen.length) {
        error.replaceChildren(errorBox({ title: 'Nothing to sync', detail: 'select at least one resource' }, 'sync-error'));
        return;
      }
      const request = { revision: revision.value.trim(), prune: prune.checked, dryRun: dryRun.checked };
      if (chosen.length < resources.length) {
        request.resources = chosen.map((r) => ({ group: r.group || '', kind: r.kind, namespace: r.namespace || '', name: r.name }));
      }
      const options = [];
      if (applyOnly.checked) options.push('ApplyOutOfSyncOnly=true');
      if (force.checked) options.push('Force=true');
      if (options.length) request.syncOptions = { items: options };
      submit.disabled = true;
      try {
        const result = await api.sync(name, request);
        panel.close();
        onDone && onDone(result);
      } catch (e) {
        error.replaceChildren(errorBox(e, 'sync-error'));
        submit.disabled = false;
      }
    },
  }, 'Synchronize');

  const panel = slidingPanel({ title: `Sync ${name}`, testid: 'sync-panel', narrow: true, headerActions: submit });
  panel.body.append(
    error,
    h('label', { class: 'field' }, h('span', {}, 'Revision'), revision),
    h('fieldset', {}, h('legend', {}, 'Sync options'),
      h('label', { class: 'check' }, prune, 'Prune'),
      h('label', { class: 'check' }, dryRun, 'Dry run'),
      h('label', { class: 'check' }, applyOnly, 'Apply out of sync only'),
      h('label', { class: 'check' }, force, 'Force')),
    h('fieldset', { 'data-testid': 'sync-resources' }, h('legend', {}, 'Synchronize resources'),
      resources.length
        ? [h('label', { class: 'check' }, allBox, h('strong', {}, 'all')),
          resources.map(({ resource, box }) => h('label', { class: 'check' }, box,
            statusIcon(SYNC, resource.status),
            h('span', { class: 'mono' }, `${resource.kind}/${resource.namespace ? resource.namespace + '/' : ''}${resource.name}`)))]
        : h('p', { class: 'crumbs' }, 'The app has no resources yet; everything it renders is synced.')));
  return panel;
}
