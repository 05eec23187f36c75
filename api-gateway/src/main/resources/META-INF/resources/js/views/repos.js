// Settings / Repositories: Argo CD's repository list (type, name, repository, connection status),
// "Connect repo" (URL, type, name, project, username, password) and Disconnect. Answers never
// carry a password, and the form never shows one back.
import { api } from '../api.js';
import { h } from '../dom.js';
import { connectionBadge } from '../status.js';
import { errorBox, slidingPanel } from './common.js';
import { emptyState, field, loadInto, table, textInput } from './tables.js';

export function reposView({ frame }) {
  const body = h('div', { class: 'box flush' });
  const message = h('div');
  const reload = () => loadInto(body, api.repositories, render, 'repos-error');
  const connect = () => openConnectRepo({ onConnected: reload });

  const disconnect = async (repo) => {
    if (!confirm(`Are you sure you want to disconnect '${repo.repo}'?`)) return;
    message.replaceChildren();
    try {
      await api.deleteRepository(repo.repo);
      reload();
    } catch (e) {
      message.replaceChildren(errorBox(e, 'repo-action-error'));
    }
  };

  const render = (list) => table({
    testid: 'repos-table',
    rows: ((list && list.items) || []).sort((a, b) => a.repo.localeCompare(b.repo)),
    rowAttrs: (r) => ({ 'data-testid': 'repo-row', 'data-repo': r.repo }),
    empty: emptyState('No repositories connected', 'Connect your repo to deploy apps.',
      h('button', { class: 'btn primary', onclick: connect }, 'Connect repo')),
    columns: [
      { title: 'Type', cell: (r) => h('span', { class: 'pill' }, r.type || 'git') },
      { title: 'Name', cell: (r) => r.name || '' },
      { title: 'Repository', class: 'mono', cell: (r) => r.repo },
      { title: 'Project', cell: (r) => r.project || '' },
      { title: 'Credentials', cell: (r) => (r.hasCredentials ? `user ${r.username || ''}`.trim() : 'none') },
      {
        title: 'Connection status',
        cell: (r) => [connectionBadge(r.connectionState, 'repo-connection'),
          r.connectionState && r.connectionState.status === 'Failed'
            ? h('div', { class: 'crumbs wrap' }, r.connectionState.message || '') : null],
      },
      {
        title: '', class: 'actions',
        cell: (r) => h('button', { class: 'btn small danger', 'data-testid': 'repo-disconnect', onclick: () => disconnect(r) }, 'Disconnect'),
      },
    ],
  });
  reload();

  return {
    element: frame({
      title: 'Repositories',
      crumbs: h('a', { href: '#/settings' }, 'Settings'),
      actions: [
        h('button', { class: 'btn', 'data-testid': 'repos-refresh', onclick: reload }, 'Refresh list'),
        h('button', { class: 'btn primary', 'data-testid': 'connect-repo', onclick: connect }, '+ Connect repo'),
      ],
      body: [message, body],
    }),
  };
}

/** The "Connect repo" panel (via HTTPS or git://, with an optional username and password). */
function openConnectRepo({ onConnected }) {
  const type = h('select', { 'data-testid': 'repo-type' }, h('option', { value: 'git' }, 'git'), h('option', { value: 'helm' }, 'helm'));
  const name = textInput('repo-name', { placeholder: 'optional for git, required for helm' });
  const project = h('select', { 'data-testid': 'repo-project' }, h('option', { value: '' }, '(any project)'));
  const url = textInput('repo-url', { placeholder: 'https://github.com/argoproj/argocd-example-apps.git' });
  const username = textInput('repo-username', { autocomplete: 'off' });
  const password = h('input', { type: 'password', 'data-testid': 'repo-password', autocomplete: 'new-password' });
  const insecure = h('input', { type: 'checkbox', 'data-testid': 'repo-insecure' });
  const error = h('div');

  const submit = h('button', {
    class: 'btn primary', 'data-testid': 'repo-submit',
    onclick: async () => {
      error.replaceChildren();
      const repo = { repo: url.value.trim(), type: type.value };
      if (!repo.repo) {
        error.replaceChildren(errorBox({ title: 'Repository URL', detail: 'is required' }, 'repo-error'));
        return;
      }
      if (type.value === 'helm' && !name.value.trim()) {
        error.replaceChildren(errorBox({ title: 'Name', detail: 'is required for a Helm repository' }, 'repo-error'));
        return;
      }
      if (name.value.trim()) repo.name = name.value.trim();
      if (project.value) repo.project = project.value;
      if (username.value.trim()) repo.username = username.value.trim();
      if (password.value) repo.password = password.value;
      if (insecure.checked) repo.insecure = true;
      submit.disabled = true;
      try {
        await api.createRepository(repo);
        panel.close();
        onConnected && onConnected();
      } catch (e) {
        error.replaceChildren(errorBox(e, 'repo-error'));
      } finally {
        submit.disabled = false;
        password.value = '';
      }
    },
  }, 'Connect');

  const panel = slidingPanel({ title: 'Connect repository', testid: 'repo-panel', narrow: true, headerActions: submit });
  panel.body.append(error,
    h('fieldset', {}, h('legend', {}, 'Connect repo using HTTPS'),
      h('div', { class: 'row' }, field('Type', type), field('Name', name)),
      field('Project', project),
      field('Repository URL', url)),
    h('fieldset', {}, h('legend', {}, 'Credentials (optional)'),
      h('div', { class: 'row' }, field('Username', username), field('Password', password)),
      h('label', { class: 'check' }, insecure, 'Skip server verification')));
  api.projects().then((list) => {
    for (const p of (list && list.items) || []) project.append(h('option', { value: p.metadata.name }, p.metadata.name));
  }).catch(() => {});
  setTimeout(() => url.focus(), 0);
  return panel;
}
