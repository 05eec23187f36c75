// The login page: POST /api/v1/session sets the argocd.token cookie every later call sends. When
// /api/v1/settings names an OIDC provider, "Log in via <name>" goes through /auth/login instead
// (the provider's login page, then /auth/callback sets the cookie and comes back here).
import { api } from '../api.js';
import { h } from '../dom.js';
import { errorBox } from './common.js';

export function loginView({ onLoggedIn }) {
  const username = h('input', { type: 'text', name: 'username', autocomplete: 'username', 'data-testid': 'login-username', value: 'admin' });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', 'data-testid': 'login-password' });
  const error = h('div', { 'data-testid': 'login-error' });
  const submit = h('button', { class: 'btn primary', type: 'submit', 'data-testid': 'login-submit' }, 'Sign in');
  const sso = h('div', { 'data-testid': 'login-sso' });
  const form = h('form', {
    class: 'login-box',
    onsubmit: async (event) => {
      event.preventDefault();
      submit.disabled = true;
      error.replaceChildren();
      try {
        await api.login(username.value.trim(), password.value);
        onLoggedIn(username.value.trim());
      } catch (e) {
        error.replaceChildren(errorBox(e));
        submit.disabled = false;
      }
    },
  },
  h('header', {}, h('img', { src: 'img/logo.svg', alt: '' }),
    h('div', {}, h('h1', {}, 'Quargo'), h('p', {}, 'GitOps and progressive delivery'))),
  sso,
  h('label', { class: 'field' }, h('span', {}, 'Username'), username),
  h('label', { class: 'field' }, h('span', {}, 'Password'), password),
  error,
  submit);
  api.settings().then((settings) => {
    const oidc = settings && settings.oidcConfig;
    if (!oidc) return;
    // back to the applications once the provider has logged the user in (a path on this gateway)
    const returnUrl = encodeURIComponent('/#/applications');
    sso.replaceChildren(
      h('a', { class: 'btn primary', href: `auth/login?return_url=${returnUrl}`, style: 'text-decoration: none', 'data-testid': 'login-sso-button' },
        `Log in via ${oidc.name || 'SSO'}`),
      h('p', { style: 'text-align: center; margin: 14px 0' }, 'or'));
  }).catch(() => { /* no settings: the password form alone */ });
  setTimeout(() => password.focus(), 0);
  return { element: h('div', { class: 'login', 'data-testid': 'login-page' }, form) };
}
