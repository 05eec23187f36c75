// Argo CD's resource actions (restart, pause, resume, scale, create-job...): the menu that lists what a
// live resource offers (GET .../resource/actions), a confirmation (or, for an action with params such
// as scale, a small dialog asking for them), then the run (POST .../actions/v2 with
// resourceActionParameters), whose outcome is told where the menu was opened.
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
    onselect: () => runAction({ app, node, action, report }),
  }));
}

/** node's description in a question: "Deployment guestbook-ui in default". */
function describe(node) {
  return `${node.kind} ${node.name}${node.namespace ? ` in ${node.namespace}` : ''}`;
}

/**
 * Asks (a confirmation, or the action's params), runs one action and reports {done} or {error}
 * (null first, to clear an earlier report).
 */
async function runAction({ app, node, action, report }) {
  const params = action.params && action.params.length ? await askParameters(action, node) : [];
  if (params === null) return;
  if (!params.length && !confirm(`Are you sure you want to run '${action.name}'?\n\n${describe(node)}`)) return;
  report(null);
  const request = { ...target(app, node), action: action.name };
  if (params.length) request.resourceActionParameters = params;
  const given = params.map((p) => `${p.name} ${p.value}`).join(', ');
  try {
    await api.runResourceAction(app.metadata.name, request);
    report({ done: `Ran '${action.name}'${given ? ` (${given})` : ''} on ${node.kind} ${node.name}.`, action: action.name });
  } catch (e) {
    report({ error: e, action: action.name });
  }
}

/** A value's problem by the action's regexp (Argo's discovery field), or null when it is fine. */
function invalid(action, value) {
  if (value.trim() === '') return 'A value is required.';
  if (!action.regexp) return null;
  let pattern;
  try {
    pattern = new RegExp(action.regexp);
  } catch {
    return null;
  }
  return pattern.test(value.trim()) ? null : (action.errorMessage || `Does not match ${action.regexp}.`);
}

/**
 * A small modal asking for the action's params, as Argo's "Enter input parameters for action": one
 * input each, prefilled with its default, checked against the action's regexp (its errorMessage
 * shown under the field) before OK runs it. Resolves [{name, value}] or null when cancelled.
 */
function askParameters(action, node) {
  return new Promise((resolve) => {
    const fields = action.params.map((param) => {
      const input = h('input', {
        type: 'text', name: param.name, value: param.default || '', autocomplete: 'off',
        inputmode: param.type === 'number' ? 'numeric' : null, 'data-testid': 'action-param', 'data-param': param.name,
      });
      const error = h('div', { class: 'field-error', role: 'alert', 'data-testid': 'action-param-error' });
      error.hidden = true;
      input.addEventListener('input', () => { error.hidden = true; input.removeAttribute('aria-invalid'); });
      return { param, input, error, label: h('label', { class: 'field' }, h('span', {}, param.name), input, error) };
    });
    const dialog = h('dialog', { class: 'modal', 'data-testid': 'action-params-dialog', 'aria-labelledby': 'action-params-title' });
    const finish = (value) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    const form = h('form', {
      method: 'dialog', novalidate: true,
      onsubmit: (event) => {
        event.preventDefault();
        let ok = true;
        for (const f of fields) {
          const problem = invalid(action, f.input.value);
          f.error.textContent = problem || '';
          f.error.hidden = !problem;
          if (problem) {
            f.input.setAttribute('aria-invalid', 'true');
            if (ok) f.input.focus();
            ok = false;
          }
        }
        if (ok) finish(fields.map((f) => ({ name: f.param.name, value: f.input.value.trim() })));
      },
    },
    h('h2', { id: 'action-params-title' }, `Enter input parameters for action: ${action.name}`),
    h('p', { class: 'modal-subject' }, describe(node)),
    fields.map((f) => f.label),
    h('div', { class: 'modal-buttons' },
      h('button', { class: 'btn', type: 'button', 'data-testid': 'action-params-cancel', onclick: () => finish(null) }, 'Cancel'),
      h('button', { class: 'btn primary', type: 'submit', 'data-testid': 'action-params-ok' }, 'OK')));
    dialog.append(form);
    dialog.addEventListener('cancel', (event) => { event.preventDefault(); finish(null); });
    document.body.append(dialog);
    dialog.showModal();
    if (fields.length) fields[0].input.select();
  });
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
