// Pieces several views share: error boxes, the slide-in panel, dropdown menus, resource keys and kind labels.
import { h } from '../dom.js';

/**
 * A problem+json error as a box: its title, then its detail. A 403 (RBAC) says so plainly and
 * names the permission the problem's detail gives.
 */
export function errorBox(error, testid = 'error') {
  const denied = error.status === 403;
  const title = denied ? 'Permission denied' : error.title || 'Error';
  const detail = error.detail !== undefined ? error.detail : error.message;
  return h('div', { class: 'error', role: 'alert', 'data-testid': testid, 'data-status': error.status },
    h('strong', {}, title), detail ? h('span', { 'data-testid': `${testid}-detail` }, detail) : null,
    denied ? h('small', { class: 'hint' }, 'Your account or token lacks this RBAC permission; an administrator can grant it in the policy.') : null);
}

const openPanels = new Set();

/** Closes every open panel (a route change does, so no panel outlives its page). */
export function closeAllPanels() {
  for (const close of [...openPanels]) close();
}

/**
 * A panel that slides in from the right over the page; returns {close, body, element}.
 * Escape and a click on the shade close it.
 */
export function slidingPanel({ title, testid, narrow = false, headerActions, onClose }) {
  const body = h('div', { class: 'body' });
  let overlay;
  const close = () => {
    openPanels.delete(close);
    overlay.remove();
    document.removeEventListener('keydown', onKey);
    onClose && onClose();
  };
  const onKey = (event) => { if (event.key === 'Escape') close(); };
  overlay = h('div', { class: 'overlay', onclick: (event) => { if (event.target === overlay) close(); } },
    h('div', { class: 'sliding' + (narrow ? ' narrow' : ''), 'data-testid': testid },
      h('header', {}, h('h2', {}, title), headerActions,
        h('button', { class: 'close', title: 'Close', 'data-testid': 'panel-close', onclick: close }, '×')),
      body));
  document.addEventListener('keydown', onKey);
  document.body.append(overlay);
  openPanels.add(close);
  return { close, body, element: overlay };
}

/**
 * A dropdown menu under its anchor button, as Argo's kebab menus: fixed on the page, so neither a
 * scrolled box nor a panel cuts it off. items is a list, or a promise of one ("Loading…" until it
 * settles, its problem shown in the menu), of {label, testid, name, disabled, title, onselect},
 * {heading} or {note}. A choice, a click elsewhere, Escape, scrolling or a route change closes it;
 * so does a second click on its button (then the answer is null, else {close, element}).
 */
export function openMenu(anchor, items, { testid = 'menu' } = {}) {
  const again = [...openPanels].some((open) => open.menu === anchor);
  for (const open of [...openPanels]) if (open.menu) open();
  if (again) return null; // a second click on its button closes the menu
  const menu = h('div', { class: 'menu', role: 'menu', 'data-testid': testid }, h('div', { class: 'menu-note' }, 'Loading…'));
  const place = () => {
    const at = anchor.getBoundingClientRect();
    menu.style.right = `${Math.max(8, window.innerWidth - at.right)}px`;
    const below = at.bottom + 4;
    menu.style.top = `${below + menu.offsetHeight > window.innerHeight - 8 ? Math.max(8, at.top - 4 - menu.offsetHeight) : below}px`;
  };
  const close = () => {
    openPanels.delete(close);
    menu.remove();
    anchor.setAttribute('aria-expanded', 'false');
    document.removeEventListener('mousedown', onOutside, true);
    document.removeEventListener('keydown', onKey, true);
    window.removeEventListener('scroll', onScroll, true);
    window.removeEventListener('resize', close);
  };
  close.menu = anchor;
  const onOutside = (event) => { if (!menu.contains(event.target) && !anchor.contains(event.target)) close(); };
  const onKey = (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const items = [...menu.querySelectorAll('.menu-item:not(:disabled)')];
      if (!items.length) return;
      event.preventDefault();
      const at = items.indexOf(document.activeElement);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = at < 0 ? (step > 0 ? 0 : items.length - 1) : (at + step + items.length) % items.length;
      items[next].focus();
      return;
    }
    if (event.key !== 'Escape') return;
    event.stopImmediatePropagation(); // Escape closes the menu, not the panel under it
    close();
    anchor.focus();
  };
  const onScroll = (event) => { if (!menu.contains(event.target)) close(); };
  const show = (list) => {
    if (!openPanels.has(close)) return;
    menu.replaceChildren(...list.map((item) => {
      if (item.heading) return h('div', { class: 'menu-heading' }, item.heading);
      if (item.note) return h('div', { class: 'menu-note', 'data-testid': item.testid }, item.note);
      if (item.element) return item.element;
      return h('button', {
        class: 'menu-item', role: 'menuitem', type: 'button', disabled: item.disabled, title: item.title,
        'data-testid': item.testid, 'data-name': item.name, 'data-disabled': item.disabled ? 'true' : 'false',
        onclick: () => { close(); item.onselect(); },
      }, item.label);
    }));
    place();
    const first = menu.querySelector('.menu-item:not(:disabled)');
    if (first) first.focus();
  };
  document.addEventListener('mousedown', onOutside, true);
  document.addEventListener('keydown', onKey, true);
  window.addEventListener('scroll', onScroll, true);
  window.addEventListener('resize', close);
  document.body.append(menu);
  anchor.setAttribute('aria-expanded', 'true');
  openPanels.add(close);
  place();
  Promise.resolve(items).then(show, (e) => show([{ element: errorBox(e, `${testid}-error`) }]));
  return { close, element: menu };
}

/** group/kind/namespace/name, the key Argo uses for a resource. */
export function resourceKey(r) {
  return [r.group || '', r.kind, r.namespace || '', r.name].join('/');
}

const KIND_ABBREVIATIONS = {
  Application: 'app', Deployment: 'deploy', ReplicaSet: 'rs', Pod: 'pod', Service: 'svc',
  Ingress: 'ing', ConfigMap: 'cm', Secret: 'secret', StatefulSet: 'sts', DaemonSet: 'ds',
  Job: 'job', CronJob: 'cj', Namespace: 'ns', ServiceAccount: 'sa', PersistentVolumeClaim: 'pvc',
  Endpoints: 'ep', Rollout: 'rollout', HorizontalPodAutoscaler: 'hpa', Role: 'role',
  RoleBinding: 'rb', ClusterRole: 'crole', ClusterRoleBinding: 'crb',
};

/** Argo's short label for a kind (deploy, rs, pod, svc...). */
export function kindLabel(kind) {
  return KIND_ABBREVIATIONS[kind] || (kind || '?').toLowerCase().slice(0, 6);
}

/**
 * Whether an app object is older than the one shown: an action's answer can arrive after the
 * stream already delivered a later state (compared by metadata.resourceVersion when numeric).
 */
export function isOlder(next, shown) {
  const a = Number(next && next.metadata && next.metadata.resourceVersion);
  const b = Number(shown && shown.metadata && shown.metadata.resourceVersion);
  return Number.isFinite(a) && Number.isFinite(b) && a < b;
}
