// Settings / Accounts / <name>: Argo CD's account page: name, enabled, capabilities, and its API
// tokens: generate one (shown once, to copy), list them, delete one. An account without the apiKey
// capability says so instead of offering Generate.
import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { errorBox } from './common.js';
import { details, epochTime, field, section, table, textInput } from './tables.js';

const UNITS = { s: 1, m: 60, h: 3600, d: 86400 };

/** Argo's "Expires In" ("[0-9]+[smhd]", empty for never) in seconds, or null when malformed. */
export function expiresInSeconds(text) {
  const value = text.trim();
  if (!value) return 0;
  const match = value.match(/^(\d+)([smhd])$/);
  return match ? Number(match[1]) * UNITS[match[2]] : null;
}

export function accountDetailView({ name, frame }) {
  const body = h('div', {}, h('p', { class: 'crumbs', 'data-testid': 'loading' }, 'Loading…'));
  api.account(name).then((account) => mount(body, render(account)))
    .catch((e) => mount(body, errorBox(e, 'account-load-error'), h('a', { href: '#/settings/accounts' }, '← back to the accounts')));
  return {
    element: frame({
      title: name,
      crumbs: [h('a', { href: '#/settings' }, 'Settings'), ' / ', h('a', { href: '#/settings/accounts' }, 'Accounts')],
      body,
    }),
  };
}

function render(account) {
  const capabilities = account.capabilities || [];
  const apiKey = capabilities.includes('apiKey');
  const message = h('div', { 'data-testid': 'token-message' });
  const fresh = h('div');
  const tokens = h('div');
  // after a change only the list is loaded again: the new token above it stays until hidden
  const reload = async () => {
    try {
      mount(tokens, tokenTable(await api.account(account.name), apiKey, message, reload));
    } catch (e) {
      message.replaceChildren(errorBox(e, 'token-error'));
    }
  };
  mount(tokens, tokenTable(account, apiKey, message, reload));
  return h('div', { class: 'sections', 'data-testid': 'account-detail' },
    section(null, { 'data-testid': 'account-general' }, details([
      ['Name', account.name, 'account-detail-name'],
      ['Enabled', account.enabled ? 'true' : 'false', 'account-detail-enabled'],
      ['Capabilities', capabilities.join(', '), 'account-detail-capabilities'],
    ])),
    section('Tokens', { 'data-testid': 'account-tokens' },
      apiKey ? generateForm(account.name, message, fresh, reload) : noApiKey(account.name),
      message, fresh, tokens));
}

/** Argo's "Token ID" and "Expires In" fields with "Generate new". */
function generateForm(name, message, fresh, reload) {
  const id = textInput('token-id', { placeholder: 'optional: a new UUID', autocomplete: 'off' });
  const expiresIn = textInput('token-expires-in', { placeholder: 'e.g. 12h, 7d; empty: never', autocomplete: 'off' });
  const generate = h('button', {
    class: 'btn primary', type: 'submit', 'data-testid': 'token-generate',
  }, 'Generate new');
  const form = h('form', {
    class: 'token-form', 'data-testid': 'token-form',
    onsubmit: async (event) => {
      event.preventDefault();
      message.replaceChildren();
      const seconds = expiresInSeconds(expiresIn.value);
      if (seconds === null) {
        message.replaceChildren(errorBox({ title: 'Unable to generate new token', detail: `Expires in must be a number and a unit (s, m, h or d), e.g. 7d; got "${expiresIn.value.trim()}".` }, 'token-error'));
        expiresIn.focus();
        return;
      }
      generate.disabled = true;
      try {
        const answer = await api.createAccountToken(name, seconds, id.value.trim() || undefined);
        mount(fresh, newToken(name, answer.token, () => fresh.replaceChildren()));
        id.value = '';
        expiresIn.value = '';
      } catch (e) {
        message.replaceChildren(errorBox({ status: e.status, title: 'Unable to generate new token', detail: e.detail || e.title }, 'token-error'));
        return;
      } finally {
        generate.disabled = false;
      }
      await reload();
    },
  },
  field('Token ID', id),
  field('Expires in', expiresIn),
  h('div', { class: 'token-form-submit' }, generate));
  return form;
}

/** The new token, shown this once, with a copy button. */
function newToken(name, token, dismiss) {
  const value = h('input', { type: 'text', class: 'mono', readonly: true, value: token, 'data-testid': 'new-token-value', onfocus: (e) => e.target.select() });
  const copied = h('span', { class: 'copied', 'data-testid': 'new-token-copied' });
  const copy = h('button', {
    class: 'btn', type: 'button', 'data-testid': 'new-token-copy',
    onclick: async () => {
      value.select();
      try {
        await navigator.clipboard.writeText(token);
        copied.textContent = 'Copied';
      } catch {
        copied.textContent = document.execCommand && document.execCommand('copy') ? 'Copied' : 'Press Ctrl+C to copy';
      }
    },
  }, 'Copy');
  return h('div', { class: 'new-token', role: 'status', 'data-testid': 'new-token' },
    h('div', { class: 'new-token-head' },
      h('strong', {}, `New token for ${name}`),
      h('button', { class: 'close', type: 'button', title: 'Hide the token', 'data-testid': 'new-token-hide', onclick: dismiss }, '×')),
    h('div', { class: 'new-token-value' }, value, copy, copied),
    h('small', { class: 'hint' }, 'Copy it now: it is not shown again. Send it as "Authorization: Bearer <token>", or pass it to quargo --auth-token.'));
}

/** What an account without apiKey shows instead of the form. */
function noApiKey(name) {
  const key = name === 'admin' ? 'quargo.gateway.admin.capabilities' : `quargo.gateway.accounts.${name}.capabilities`;
  return h('div', { class: 'notice', 'data-testid': 'token-no-apikey' },
    h('strong', {}, `${name} cannot have API tokens`),
    h('div', {}, 'The account does not have the apiKey capability. An administrator can add it in the gateway\'s configuration: ',
      h('code', {}, `${key}=login,apiKey`), ', as Argo CD\'s ', h('code', {}, `accounts.${name}: apiKey, login`), ' in argocd-cm.'));
}

function tokenTable(account, apiKey, message, reload) {
  const tokens = account.tokens || [];
  return table({
    testid: 'account-tokens-table',
    rows: tokens,
    rowAttrs: (t) => ({ 'data-testid': 'account-token', 'data-id': t.id }),
    empty: h('p', { class: 'crumbs', 'data-testid': 'account-tokens-empty' },
      apiKey ? 'The account has no tokens. Generate one above.' : 'The account has no tokens.'),
    columns: [
      { title: 'ID', class: 'mono', cell: (t) => t.id },
      { title: 'Issued at', cell: (t) => epochTime(t.issuedAt) },
      { title: 'Expires at', cell: (t) => (t.expiresAt ? epochTime(t.expiresAt) : 'Never') },
      {
        title: '', class: 'actions',
        cell: (t) => h('button', {
          class: 'btn small danger', type: 'button', title: `Delete token ${t.id}`, 'data-testid': 'token-delete',
          onclick: async () => {
            if (!confirm(`Are you sure you want to delete token '${t.id}'? Whatever uses it is refused from then on.`)) return;
            message.replaceChildren();
            try {
              await api.deleteAccountToken(account.name, t.id);
            } catch (e) {
              message.replaceChildren(errorBox({ status: e.status, title: 'Unable to delete token', detail: e.detail || e.title }, 'token-error'));
              return;
            }
            await reload();
          },
        }, 'Delete'),
      },
    ],
  });
}
