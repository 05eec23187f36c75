// Sync and health status as Argo CD shows them: the same colours, an icon and the name.
import { h, svg } from './dom.js';

const ICONS = {
  check: ['M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-1.4 14.2-4.3-4.3 1.4-1.4 2.9 2.9 6.1-6.1 1.4 1.4z'],
  up: ['M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 4.5 5.5 5.6h-3.6V17h-3.8v-4.9H6.5z'],
  question: ['M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 16h-2v-2h2zm2.1-7.7-.9.9c-.7.7-1.2 1.3-1.2 2.8h-2v-.5c0-1.1.5-2.1 1.2-2.8l1.2-1.3c.4-.3.6-.8.6-1.4a2 2 0 0 0-4 0H8a4 4 0 0 1 8 0c0 .9-.4 1.7-.9 2.3z'],
  heart: ['M12 21.4 10.6 20C5.4 15.4 2 12.3 2 8.5 2 5.4 4.4 3 7.5 3c1.7 0 3.4.8 4.5 2.1C13.1 3.8 14.8 3 16.5 3 19.6 3 22 5.4 22 8.5c0 3.8-3.4 6.9-8.6 11.5z'],
  broken: ['M12 21.4 10.6 20C5.4 15.4 2 12.3 2 8.5 2 5.4 4.4 3 7.5 3c1.2 0 2.4.4 3.4 1.1L9 9l3 3-2 5 5-6-3-3 1.7-3.9c.8-.7 1.8-1.1 2.8-1.1C19.6 3 22 5.4 22 8.5c0 3.8-3.4 6.9-8.6 11.5z'],
  spin: ['M12 2a10 10 0 1 0 10 10h-3a7 7 0 1 1-7-7z'],
  pause: ['M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zM9 8h2v8H9zm4 0h2v8h-2z'],
  ghost: ['M12 2a8 8 0 0 0-8 8v12l3-2.5L9.5 22l2.5-2.5 2.5 2.5 2.5-2.5L20 22V10a8 8 0 0 0-8-8zM9 11a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3zm6 0a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3z'],
  cross: ['M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm4.2 12.8-1.4 1.4L12 13.4l-2.8 2.8-1.4-1.4 2.8-2.8-2.8-2.8 1.4-1.4 2.8 2.8 2.8-2.8 1.4 1.4-2.8 2.8z'],
};

/** Argo's colours and icon per sync status. */
export const SYNC = {
  Synced: { color: 'var(--green)', icon: 'check' },
  OutOfSync: { color: 'var(--yellow)', icon: 'up' },
  Unknown: { color: 'var(--grey)', icon: 'question' },
};

/** Argo's colours and icon per health status. */
export const HEALTH = {
  Healthy: { color: 'var(--green)', icon: 'heart' },
  Progressing: { color: 'var(--blue)', icon: 'spin', spin: true },
  Degraded: { color: 'var(--red)', icon: 'broken' },
  Suspended: { color: 'var(--purple)', icon: 'pause' },
  Missing: { color: 'var(--yellow)', icon: 'ghost' },
  Unknown: { color: 'var(--grey)', icon: 'question' },
};

/** Argo's colours per operation phase. */
export const PHASE = {
  Succeeded: { color: 'var(--green)', icon: 'check' },
  Running: { color: 'var(--blue)', icon: 'spin', spin: true },
  Terminating: { color: 'var(--blue)', icon: 'spin', spin: true },
  Failed: { color: 'var(--red)', icon: 'cross' },
  Error: { color: 'var(--red)', icon: 'cross' },
};

/** Connection state of a repository or cluster (connectionState.status). */
export const CONNECTION = {
  Successful: { color: 'var(--green)', icon: 'check' },
  Failed: { color: 'var(--red)', icon: 'cross' },
  Unknown: { color: 'var(--grey)', icon: 'question' },
};

function icon(style, title) {
  const el = svg('0 0 24 24', ICONS[style.icon] || ICONS.question, {
    class: 'status-icon' + (style.spin ? ' spin' : ''),
    fill: style.color,
  });
  const t = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  t.textContent = title;
  el.prepend(t);
  return el;
}

/** An icon for a status, with its name as tooltip. */
export function statusIcon(table, status) {
  const name = status || 'Unknown';
  return icon(table[name] || table.Unknown || HEALTH.Unknown, name);
}

/** Icon and name together, e.g. a green heart and "Healthy". */
export function statusBadge(table, status, testid) {
  const name = status || 'Unknown';
  const style = table[name] || table.Unknown || HEALTH.Unknown;
  return h('span', { class: 'status', 'data-testid': testid, 'data-status': name, style: `color:${style.color}` },
    icon(style, name), h('span', { class: 'status-name' }, name));
}

export const syncBadge = (status, testid = 'sync-status') => statusBadge(SYNC, status, testid);
export const healthBadge = (status, testid = 'health-status') => statusBadge(HEALTH, status, testid);
export const phaseBadge = (phase, testid = 'operation-phase') => statusBadge(PHASE, phase, testid);
export const connectionBadge = (state, testid = 'connection-status') =>
  statusBadge(CONNECTION, (state && state.status) || 'Unknown', testid);

/** The sync and health status of an app object. */
export function appStatus(app) {
  const status = (app && app.status) || {};
  return {
    sync: (status.sync && status.sync.status) || 'Unknown',
    health: (status.health && status.health.status) || 'Unknown',
    revision: status.sync && status.sync.revision,
    operation: status.operationState,
  };
}
