// Building blocks of the settings pages: Argo's list tables, white boxes with a title, key/value
// lists, fields, list editors and a loader that shows the problem where the data was meant to be.
import { ago, h, mount } from '../dom.js';
import { errorBox } from './common.js';

/**
 * A table as Argo's argo-table-list: columns [{title, cell(row), class}], one row per item.
 * rowAttrs(row) adds attributes (data-testid, data-*) to a row; onRowClick makes rows links.
 */
export function table({ columns, rows, testid, rowAttrs = () => ({}), onRowClick, empty }) {
  if (!rows.length && empty) return empty;
  return h('table', { class: 'list' + (onRowClick ? ' clickable' : ''), 'data-testid': testid },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.class }, c.title)))),
    h('tbody', {}, rows.map((row) => h('tr', {
      ...rowAttrs(row),
      onclick: onRowClick ? (event) => { if (!event.target.closest('button, a')) onRowClick(row); } : undefined,
    }, columns.map((c) => h('td', { class: c.class }, c.cell(row)))))));
}

/** Argo's "white box": a titled section of a page. */
export function section(title, attrs, ...children) {
  return h('section', { class: 'box', ...attrs }, title ? h('h3', {}, title) : null, children);
}

/** A key/value list: [[label, value, testid?], ...]; empty values show as a dash. */
export function details(pairs) {
  return h('dl', { class: 'details' }, pairs.filter(Boolean).map(([label, value, testid]) => [
    h('dt', {}, label),
    h('dd', { 'data-testid': testid }, value === undefined || value === null || value === '' ? '–' : value),
  ]));
}

/** A labelled form field around an input. */
export function field(label, input, hint) {
  return h('label', { class: 'field' }, h('span', {}, label), input, hint ? h('small', { class: 'hint' }, hint) : null);
}

/** A text input with a data-testid. */
export function textInput(testid, attrs = {}) {
  return h('input', { type: 'text', 'data-testid': testid, ...attrs });
}

/** A textarea holding one entry per line (source repositories, destinations). */
export function linesInput(testid, lines = [], placeholder = '') {
  return h('textarea', { class: 'lines', 'data-testid': testid, placeholder, spellcheck: 'false', value: lines.join('\n') });
}

/** The non-blank, trimmed lines of a textarea. */
export function readLines(textarea) {
  return textarea.value.split('\n').map((l) => l.trim()).filter(Boolean);
}

/** "server namespace [name]" lines to Argo's destinations, and back. */
export function destinationLines(destinations = []) {
  return destinations.map((d) => [d.server || d.name || '*', d.namespace || '*'].join(' '));
}

export function parseDestinations(lines) {
  return lines.map((line) => {
    const [target, namespace = '*'] = line.split(/\s+/);
    return target.includes('://') || target === '*' ? { server: target, namespace } : { name: target, namespace };
  });
}

/**
 * Loads data into a container: "Loading…", then render(data)'s nodes, or the problem (a 403 says
 * which permission is missing) in place of the data.
 */
export async function loadInto(container, load, render, testid = 'load-error') {
  mount(container, h('p', { class: 'crumbs', 'data-testid': 'loading' }, 'Loading…'));
  try {
    const data = await load();
    mount(container, render(data));
  } catch (e) {
    mount(container, errorBox(e, testid));
  }
}

/** An empty-state block: icon-less title and hint, as Argo's EmptyState. */
export function emptyState(title, hint, ...actions) {
  return h('div', { class: 'empty', 'data-testid': 'empty-state' }, h('h2', {}, title), hint ? h('p', {}, hint) : null, actions);
}

/**
 * Epoch seconds as "2026-01-02 10:00:00 UTC (3 minutes ago)", or "(in 7 days)" for a time to come
 * (a token's expiry), the ISO time on hover.
 */
export function epochTime(seconds) {
  if (!seconds) return '';
  const millis = Number(seconds) * 1000;
  const iso = new Date(millis).toISOString();
  const ahead = millis - Date.now();
  // a minute's slack, so a token made to expire in "1d" reads "in 1 day", not "in 23 hours"
  const when = ahead > 60000 ? `in ${ago(new Date(Date.now() - ahead - 60000).toISOString()).replace(/ ago$/, '')}` : ago(iso);
  return h('span', { title: iso }, `${iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} (${when})`);
}
