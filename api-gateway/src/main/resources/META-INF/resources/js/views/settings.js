// Settings: Argo CD's overview of the configuration pages, and the routes below #/settings.
import { h, svg } from '../dom.js';
import { accountDetailView } from './account-detail.js';
import { accountsView, userInfoView } from './accounts.js';
import { clusterDetailView, clustersView } from './clusters.js';
import { projectDetailView } from './project-detail.js';
import { projectsView } from './projects.js';
import { reposView } from './repos.js';

const PAGES = [
  { title: 'Accounts', description: 'The local accounts and their API tokens', path: 'accounts' },
  { title: 'Clusters', description: 'Configure connected Kubernetes clusters', path: 'clusters' },
  { title: 'Projects', description: 'Configure projects: sources, destinations, roles and sync windows', path: 'projects' },
  { title: 'Repositories', description: 'Configure connected repositories', path: 'repos' },
];

const ARROW = ['M9 6l6 6-6 6-1.4-1.4 4.6-4.6-4.6-4.6z'];

function overview({ frame, navigate }) {
  return {
    element: frame({
      title: 'Settings',
      body: h('div', { class: 'settings-overview', 'data-testid': 'settings-overview' }, PAGES.map((page) => h('a', {
        class: 'settings-panel', href: `#/settings/${page.path}`, 'data-testid': `settings-${page.path}`,
        onclick: (event) => { event.preventDefault(); navigate(`#/settings/${page.path}`); },
      },
      h('div', {}, h('div', { class: 'title' }, page.title), h('div', { class: 'crumbs' }, page.description)),
      svg('0 0 24 24', ARROW)))),
    }),
  };
}

/** The view for a #/settings/... or #/user-info hash, or null when it is none of them. */
export function settingsRoute(hash, context) {
  const path = hash.replace(/^#\//, '').split('?')[0].split('/').map(decodeURIComponent);
  if (path[0] === 'user-info') return userInfoView(context);
  if (path[0] !== 'settings') return null;
  const [, page, item] = path;
  if (!page) return overview(context);
  if (page === 'projects') return item ? projectDetailView({ ...context, name: item }) : projectsView(context);
  if (page === 'repos') return reposView(context);
  if (page === 'clusters') return item ? clusterDetailView({ ...context, server: item }) : clustersView(context);
  if (page === 'accounts') return item ? accountDetailView({ ...context, name: item }) : accountsView(context);
  return overview(context);
}
