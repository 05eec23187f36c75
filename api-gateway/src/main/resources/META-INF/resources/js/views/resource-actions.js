// Argo CD's resource actions (restart, pause, resume, create-job...): the menu that lists what a live
// resource offers (GET .../resource/actions), a confirmation, then the run (POST .../actions/v2),
// whose outcome is told where the menu was opened.
import { api } from '../api.js';
import { h, svg } from '../dom.js';
import { errorBox, openMenu } from './common.js';

const KEBAB = ['M12 8a2 2 0 1 0 0-4 2 2 0 0 0 0 4zm0 2a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm0 6a2 2 0 1 0 0 4 2 2 0 0 0 0-4z'];
const CARET = ['M7 10l5 5 5-5z'];

/** The fields of Argo's ResourceActionRunRequestV2 that name the resource (all but action). */
function target(app, node) {
  return {
    namespace: node.namespace || '',
    resourceName: node.name,
    version: node.version || '',
    group: node.group || '',
    kind: node.kind,
    appNamespace: (app.metadata && app.metadata.namespace) || '',
    project: (app.spec && app.spec.project) || 'default',
  };
}

/**
 * The menu items of node's actions, each disabled as the resource's state says; a resource that is
 * not live (Missing) has none to offer.
 */
async function actionItems({ app, node, report }) {
  if (node.notLive) return [{ note: `${node.kind} ${node.name} is not in the cluster: nothing to run.`, testid: 'resource-actions-none' }];
  const list = await api.resourceActions(app.metadata.name, target(app, node));
  const actions = (list && list.actions) || [];
  if (!actions.length) return [{ note: `A ${node.kind} has no actions.`, testid: 'resource-actions-none' }];
  return actions.map((action) => ({
    label: action.name,
    name: action.name,
    testid: 'resource-action',
    disabled: action.disabled,
    title: action.disabled ? `${action.name} does not apply to the resource as it is now` : `Run ${action.name} on ${node.kind} ${node.name}`,
    onselect: () => runAction({ app, node, action: action.name, report }),
  }));
}

/** Asks, runs one action and reports {done} or {error} (null first, to clear an earlier report). */
async function runAction({ app, node, action, report }) {
  if (!confirm(`Are you sure you want to run '${action}'?\n\n${node.kind} ${node.name}${node.namespace ? ` in ${node.namespace}` : ''}`)) return;
  report(null);
  try {
    await api.runResourceAction(app.metadata.name, { ...target(app, node), action });
    report({ done: `Ran '${action}' on ${node.kind} ${node.name}.`, action });
  } catch (e) {
    report({ error: e, action });
  }
}

/** A report as a box: the action's result, or the problem's title and detail. */
export function actionReport(result) {
  if (!result) return null;
  if (result.error) {
    const e = result.error;
    return errorBox({ status: e.status, title: `Unable to run '${result.action}'`, detail: e.detail || e.title || e.message }, 'resource-action-error');
  }
  return h('div', { class: 'notice', role: 'status', 'data-testid': 'resource-action-result', 'data-action': result.action }, result.done);
}

/**
 * The kebab button of a tree node: Details (the resource panel) and the node's actions; report
 * gets each run's outcome.
 */
export function nodeMenuButton({ app, node, onDetails, report }) {
  const button = h('button', {
    class: 'node-menu', type: 'button', title: 'Actions', 'aria-haspopup': 'menu', 'data-testid': 'node-menu',
    onclick: (event) => {
      event.stopPropagation();
      openMenu(button, actionItems({ app, node, report }).then((items) => [
        { label: 'Details', testid: 'node-details', onselect: () => onDetails(node) },
        { heading: 'Actions' },
        ...items,
      ]), { testid: 'resource-actions-menu' });
    },
  }, svg('0 0 24 24', KEBAB));
  return button;
}

/** The resource panel's "Actions" button, as in Argo's resource details header. */
export function actionsButton({ app, node, report }) {
  const button = h('button', {
    class: 'btn', type: 'button', 'aria-haspopup': 'menu', 'data-testid': 'resource-actions',
    onclick: () => openMenu(button, actionItems({ app, node, report }), { testid: 'resource-actions-menu' }),
  }, 'Actions', svg('0 0 24 24', CARET));
  return button;
}
