// The Quargo web UI: a hash router over the views, the page frame, and the login guard.
import { api, whenUnauthorized } from './api.js';
import { h, mount, svg } from './dom.js';
import { loginView } from './views/login.js';
import { appListView } from './views/app-list.js';
import { appDetailView } from './views/app-detail.js';
import { closeAllPanels } from './views/common.js';
import { settingsRoute } from './views/settings.js';

const root = document.getElementById('app');
let current = null; // the mounted view: {element, destroy?}
let user = null;

const APPS_ICON = ['M4 4h7v7H4zm9 0h7v7h-7zM4 13h7v7H4zm9 0h7v7h-7z'];
const SETTINGS_ICON = ['M19.4 13a7.5 7.5 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.6 7.6 0 0 0-1.7-1L15 3h-4l-.4 2.7a7.6 7.6 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.5 7.5 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1a7.6 7.6 0 0 0 1.7 1L11 21h4l.4-2.7a7.6 7.6 0 0 0 1.7-1l2.5 1 2-3.5zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z'];
const USER_ICON = ['M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm0 2c-3.3 0-9 1.7-9 5v2h18v-2c0-3.3-5.7-5-9-5z'];
const LOGOUT_ICON = ['M10 17v-3H3v-4h7V7l5 5zm9-14H12v2h7v14h-7v2h7a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2z'];

/** Goes to a route: '#/applications', '#/applications/<name>', '#/login'. */
export function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

/** The frame around every page but login: navigation column, top bar, content. */
export function frame({ title, crumbs, actions, toolbar, body }) {
  return h('div', { class: 'layout' },
    h('nav', { class: 'nav' },
      h('a', { href: '#/applications', title: 'Applications' }, h('img', { src: 'img/logo.svg', alt: 'Quargo' })),
      navLink('#/applications', 'Applications', 'nav-applications', APPS_ICON),
      navLink('#/settings', 'Settings', 'nav-settings', SETTINGS_ICON),
      navLink('#/user-info', 'User Info', 'nav-user-info', USER_ICON),
      h('div', { class: 'spacer' }),
      h('a', { href: '#/logout', title: `Log out ${user || ''}`, 'data-testid': 'nav-logout' }, svg('0 0 24 24', LOGOUT_ICON))),
    h('div', { class: 'page' },
      h('div', { class: 'topbar' },
        h('div', {}, crumbs && h('div', { class: 'crumbs' }, crumbs), h('h1', { 'data-testid': 'page-title' }, title)),
        h('div', { class: 'grow' }),
        actions),
      toolbar && h('div', { class: 'toolbar' }, toolbar),
      h('div', { class: 'content' }, body)));
}

/** A navigation entry, marked active while the page is under its route. */
function navLink(href, title, testid, icon) {
  const active = (location.hash || '#/applications').startsWith(href);
  return h('a', { href, title, class: active ? 'active' : undefined, 'data-testid': testid }, svg('0 0 24 24', icon));
}

async function route() {
  const hash = location.hash || '#/applications';
  if (current && current.destroy) current.destroy();
  current = null;
  closeAllPanels();
  if (hash === '#/logout') {
    const out = await api.logout().catch(() => null); // the session may already be gone
    user = null;
    // an SSO user's session at the provider ends too, where the gateway says (Argo's logoutURL)
    if (out && out.logoutURL) return location.assign(out.logoutURL);
    return navigate('#/login');
  }
  if (hash.startsWith('#/login')) {
    current = loginView({ onLoggedIn: (name) => { user = name; navigate('#/applications'); } });
  } else {
    if (!user) {
      const info = await api.userInfo().catch(() => ({ loggedIn: false }));
      if (!info.loggedIn) return navigate('#/login');
      user = info.username;
    }
    const detail = hash.match(/^#\/applications\/([^/?]+)/);
    current = settingsRoute(hash, { frame, navigate }) || (detail
      ? appDetailView({ name: decodeURIComponent(detail[1]), frame, navigate })
      : appListView({ frame, navigate, query: new URLSearchParams(hash.split('?')[1] || '') }));
  }
  mount(root, current.element);
}

whenUnauthorized(() => {
  user = null;
  if (!location.hash.startsWith('#/login')) navigate('#/login');
});
window.addEventListener('hashchange', route);
route();
