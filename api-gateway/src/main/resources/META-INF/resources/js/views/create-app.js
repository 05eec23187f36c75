// "New app": Argo's create panel, as a form or as pasted YAML/JSON, posted to /api/v1/applications.
import { api } from '../api.js';
import { h } from '../dom.js';
import { toYaml } from '../yaml.js';
import { errorBox, slidingPanel } from './common.js';

function field(label, input) {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}

export function openCreateApp({ onCreated }) {
  const input = (testid, attrs = {}) => h('input', { type: 'text', 'data-testid': testid, ...attrs });
  const name = input('create-name', { placeholder: 'guestbook' });
  const project = h('select', { 'data-testid': 'create-project' }, h('option', { value: 'default' }, 'default'));
  const auto = h('select', { 'data-testid': 'create-sync-policy' },
    h('option', { value: 'manual' }, 'Manual'), h('option', { value: 'auto' }, 'Automatic'));
  const prune = h('input', { type: 'checkbox', 'data-testid': 'create-auto-prune' });
  const selfHeal = h('input', { type: 'checkbox', 'data-testid': 'create-self-heal' });
  const createNamespace = h('input', { type: 'checkbox', checked: true, 'data-testid': 'create-option-create-namespace' });
  const repo = input('create-repo', { placeholder: 'https://github.com/argoproj/argocd-example-apps.git', list: 'known-repos' });
  const repos = h('datalist', { id: 'known-repos' });
  const revision = input('create-revision', { value: 'HEAD' });
  const path = input('create-path', { placeholder: 'guestbook' });
  const server = input('create-dest-server', { value: 'https://kubernetes.default.svc' });
  const namespace = input('create-dest-namespace', { placeholder: 'default' });
  const yaml = h('textarea', { 'data-testid': 'create-yaml', spellcheck: 'false' });
  const error = h('div');
  const autoOptions = h('div', { style: 'display:none' },
    h('label', { class: 'check' }, prune, 'Prune resources'),
    h('label', { class: 'check' }, selfHeal, 'Self heal'));
  auto.addEventListener('change', () => { autoOptions.style.display = auto.value === 'auto' ? '' : 'none'; });

  const fromForm = () => {
    const syncPolicy = {};
    if (auto.value === 'auto') syncPolicy.automated = { prune: prune.checked, selfHeal: selfHeal.checked };
    if (createNamespace.checked) syncPolicy.syncOptions = ['CreateNamespace=true'];
    return {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: name.value.trim() },
      spec: {
        project: project.value,
        source: { repoURL: repo.value.trim(), path: path.value.trim(), targetRevision: revision.value.trim() || 'HEAD' },
        destination: { server: server.value.trim(), namespace: namespace.value.trim() },
        syncPolicy,
      },
    };
  };

  const form = h('div', { 'data-testid': 'create-form' },
    h('fieldset', {}, h('legend', {}, 'General'),
      field('Application name', name),
      field('Project', project),
      field('Sync policy', auto), autoOptions,
      h('label', { class: 'check' }, createNamespace, 'Auto-create namespace')),
    h('fieldset', {}, h('legend', {}, 'Source'),
      field('Repository URL', repo), repos,
      h('div', { class: 'row' }, field('Revision', revision), field('Path', path))),
    h('fieldset', {}, h('legend', {}, 'Destination'),
      h('div', { class: 'row' }, field('Cluster URL', server), field('Namespace', namespace))));
  const editor = h('div', { style: 'display:none' },
    h('p', { class: 'crumbs' }, 'An Application as YAML or JSON, as kubectl or argocd would take it.'), yaml);

  let asYaml = false;
  const toggle = h('button', {
    class: 'btn', 'data-testid': 'create-yaml-toggle',
    onclick: () => {
      asYaml = !asYaml;
      if (asYaml) yaml.value = toYaml(fromForm());
      form.style.display = asYaml ? 'none' : '';
      editor.style.display = asYaml ? '' : 'none';
      toggle.textContent = asYaml ? 'Edit as form' : 'Edit as YAML';
    },
  }, 'Edit as YAML');

  const submit = h('button', {
    class: 'btn primary', 'data-testid': 'create-submit',
    onclick: async () => {
      error.replaceChildren();
      submit.disabled = true;
      try {
        const created = await api.createApplication(asYaml ? yaml.value : fromForm());
        panel.close();
        onCreated(created);
      } catch (e) {
        error.replaceChildren(errorBox(e, 'create-error'));
      } finally {
        submit.disabled = false;
      }
    },
  }, 'Create');

  const panel = slidingPanel({
    title: 'New application', testid: 'create-panel', narrow: true,
    headerActions: [submit, toggle],
  });
  panel.body.append(error, form, editor);

  api.projects().then((list) => {
    const names = ((list && list.items) || []).map((p) => p.metadata.name).filter((p) => p !== 'default');
    for (const p of names) project.append(h('option', { value: p }, p));
  }).catch(() => {});
  api.repositories().then((list) => {
    for (const r of (list && list.items) || []) repos.append(h('option', { value: r.repo }));
  }).catch(() => {});
  setTimeout(() => name.focus(), 0);
  return panel;
}
