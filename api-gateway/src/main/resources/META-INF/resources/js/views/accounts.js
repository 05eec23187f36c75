// User Info (who am I, "Update password" as Argo CD's user info page) and Settings / Accounts
// (the local accounts, GET /api/v1/account; each opens its page of API tokens, account-detail.js).
import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { errorBox, slidingPanel } from './common.js';
import { details, field, loadInto, section, table } from './tables.js';

export function userInfoView({ frame }) {
  const body = h('div', {}, h('p', { class: 'crumbs' }, 'Loading…'));
  const message = h('div');
  const update = h('button', {
    class: 'btn', 'data-testid': 'update-password', disabled: true,
    onclick: () => openPasswordForm({
      username: update.dataset.username,
      onChanged: () => message.replaceChildren(h('div', { class: 'notice', 'data-testid': 'password-changed' },
        'Your password has been successfully updated.')),
    }),
  }, 'Update password');

  api.userInfo().then((info) => {
    const projectToken = (info.username || '').startsWith('proj:');
    update.dataset.username = info.username || '';
    update.disabled = !info.loggedIn || projectToken;
    mount(body, section(null, { 'data-testid': 'user-info' }, info.loggedIn
      ? details([
        ['Username', info.username, 'user-info-username'],
        ['Issuer', info.iss, 'user-info-issuer'],
        ['Groups', (info.groups || []).length ? h('ul', { class: 'plain' }, info.groups.map((g) => h('li', {}, g))) : ''],
        projectToken ? ['Password', 'a project token has no password; log in as an account to change one'] : null,
      ])
      : h('p', {}, 'You are not logged in')));
  }).catch((e) => mount(body, errorBox(e, 'user-info-error')));

  return { element: frame({ title: 'User Info', actions: update, body: [message, body] }) };
}

/** Argo's "Update account password" panel: current, new and confirmed password. */
function openPasswordForm({ username, onChanged }) {
  const input = (testid, autocomplete) => h('input', { type: 'password', 'data-testid': testid, autocomplete });
  const current = input('password-current', 'current-password');
  const next = input('password-new', 'new-password');
  const confirmed = input('password-confirm', 'new-password');
  const error = h('div');
  const problem = (detail) => error.replaceChildren(errorBox({ title: 'Unable to update your password', detail }, 'password-error'));

  const submit = h('button', {
    class: 'btn primary', 'data-testid': 'password-submit',
    onclick: async () => {
      error.replaceChildren();
      if (!current.value) return problem('Current password is required.');
      if (!next.value) return problem('New password is required.');
      if (next.value !== confirmed.value) return problem('Passwords do not match.');
      submit.disabled = true;
      try {
        await api.changePassword(current.value, next.value);
        panel.close();
        onChanged && onChanged();
      } catch (e) {
        error.replaceChildren(errorBox(e, 'password-error'));
      } finally {
        submit.disabled = false;
      }
      return undefined;
    },
  }, 'Save new password');

  const panel = slidingPanel({ title: 'Update account password', testid: 'password-panel', narrow: true, headerActions: submit });
  panel.body.append(error,
    h('p', { class: 'crumbs' }, `Account ${username}`),
    field('Current password', current),
    field('New password', next, '8 to 72 characters.'),
    field('Confirm new password', confirmed));
  setTimeout(() => current.focus(), 0);
  return panel;
}

export function accountsView({ frame, navigate }) {
  const body = h('div', { class: 'box flush' });
  loadInto(body, api.accounts, (list) => table({
    testid: 'accounts-table',
    rows: (list && list.items) || [],
    rowAttrs: (a) => ({ 'data-testid': 'account-row', 'data-name': a.name }),
    onRowClick: (a) => navigate(`#/settings/accounts/${encodeURIComponent(a.name)}`),
    columns: [
      { title: 'Name', class: 'strong', cell: (a) => h('a', { href: `#/settings/accounts/${encodeURIComponent(a.name)}`, 'data-testid': 'account-link' }, a.name) },
      { title: 'Enabled', cell: (a) => (a.enabled ? 'true' : 'false') },
      { title: 'Capabilities', cell: (a) => (a.capabilities || []).join(', ') },
      { title: 'Tokens', cell: (a) => String((a.tokens || []).length) },
    ],
  }), 'accounts-error');
  return { element: frame({ title: 'Accounts', crumbs: h('a', { href: '#/settings' }, 'Settings'), body }) };
}
