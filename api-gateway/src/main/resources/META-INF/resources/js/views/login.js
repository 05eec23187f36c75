// The login page: POST /api/v1/session sets the argocd.token cookie every later call sends.
import { api } from '../api.js';
import { h } from '../dom.js';
import { errorBox } from './common.js';

export function loginView({ onLoggedIn }) {
  const username = h('input', { type: 'text', name: 'username', autocomplete: 'username', 'data-testid': 'login-username', value: 'admin' });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', 'data-testid': 'login-password' });
  const error = h('div', { 'data-testid': 'login-error' });
  const submit = h('button', { class: 'btn primary', type: 'submit', 'data-testid': 'login-submit' }, 'Sign in');
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
  h('label', { class: 'field' }, h('span', {}, 'Username'), username),
  h('label', { class: 'field' }, h('span', {}, 'Password'), password),
  error,
  submit);
  setTimeout(() => password.focus(), 0);
  return { element: h('div', { class: 'login', 'data-testid': 'login-page' }, form) };
}
