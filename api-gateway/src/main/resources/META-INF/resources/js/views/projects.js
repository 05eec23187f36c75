// Settings / Projects: Argo CD's project list (name, description, destinations, sources) and its
// "New project" panel, posted as a ProjectCreateRequest to /api/v1/projects.
import { api } from '../api.js';
import { h } from '../dom.js';
import { errorBox, slidingPanel } from './common.js';
import {
  destinationLines, emptyState, field, linesInput, loadInto, parseDestinations, readLines, table, textInput,
} from './tables.js';

const PROJECT_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function projectsView({ frame, navigate }) {
  const body = h('div', { class: 'box flush' });
  const open = (name) => navigate(`#/settings/projects/${encodeURIComponent(name)}`);
  const create = () => openProjectForm({ onSaved: (p) => open(p.metadata.name) });

  const render = (list) => {
    const projects = ((list && list.items) || []).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    return table({
      testid: 'projects-table',
      rows: projects,
      rowAttrs: (p) => ({ 'data-testid': 'project-row', 'data-name': p.metadata.name }),
      onRowClick: (p) => open(p.metadata.name),
      empty: emptyState('No projects yet', 'Create new projects to group your applications.',
        h('button', { class: 'btn primary', onclick: create }, 'New project')),
      columns: [
        { title: 'Name', class: 'strong', cell: (p) => p.metadata.name },
        { title: 'Description', cell: (p) => (p.spec && p.spec.description) || '' },
        { title: 'Destinations', class: 'mono', cell: (p) => summary(destinationLines(p.spec && p.spec.destinations)) },
        { title: 'Sources', class: 'mono', cell: (p) => summary((p.spec && p.spec.sourceRepos) || []) },
      ],
    });
  };
  loadInto(body, api.projects, render, 'projects-error');

  return {
    element: frame({
      title: 'Projects',
      crumbs: h('a', { href: '#/settings' }, 'Settings'),
      actions: h('button', { class: 'btn primary', 'data-testid': 'new-project', onclick: create }, '+ New project'),
      body,
    }),
  };
}

/** The first entries of a list, one a line, and "+N more". */
function summary(items) {
  const shown = items.slice(0, 3);
  return [shown.map((item) => h('div', {}, item)),
    items.length > shown.length ? h('div', { class: 'crumbs' }, `+${items.length - shown.length} more`) : null,
    items.length ? null : h('span', { class: 'crumbs' }, 'none')];
}

/**
 * The project form: name (on create only), description, source repositories and destinations.
 * With a project it edits that project (the other fields of its spec stay as they are).
 */
export function openProjectForm({ project, onSaved }) {
  const editing = Boolean(project);
  const spec = (project && project.spec) || {};
  const name = textInput('project-name', { placeholder: 'my-project', value: editing ? project.metadata.name : '', disabled: editing });
  const description = textInput('project-description', { value: spec.description || '' });
  const sources = linesInput('project-sources', spec.sourceRepos || [], 'https://github.com/org/repo.git\n*');
  const destinations = linesInput('project-destinations', destinationLines(spec.destinations),
    'https://kubernetes.default.svc guestbook\nin-cluster *');
  const error = h('div');

  const submit = h('button', {
    class: 'btn primary', 'data-testid': 'project-submit',
    onclick: async () => {
      error.replaceChildren();
      const projectName = name.value.trim();
      if (!PROJECT_NAME.test(projectName)) {
        error.replaceChildren(errorBox({ title: 'Project name', detail: 'use lower case letters, digits and "-", e.g. my-project' }, 'project-error'));
        return;
      }
      const next = editing ? structuredClone(project) : { metadata: { name: projectName }, spec: {} };
      next.spec = next.spec || {};
      next.spec.description = description.value.trim();
      next.spec.sourceRepos = readLines(sources);
      next.spec.destinations = parseDestinations(readLines(destinations));
      submit.disabled = true;
      try {
        const saved = editing ? await api.updateProject(next) : await api.createProject(next);
        panel.close();
        onSaved && onSaved(saved);
      } catch (e) {
        error.replaceChildren(errorBox(e, 'project-error'));
      } finally {
        submit.disabled = false;
      }
    },
  }, editing ? 'Save' : 'Create');

  const panel = slidingPanel({
    title: editing ? `Edit project ${project.metadata.name}` : 'New project',
    testid: 'project-panel', narrow: true, headerActions: submit,
  });
  panel.body.append(error,
    h('fieldset', {}, h('legend', {}, 'General'),
      field('Project name', name),
      field('Description', description)),
    h('fieldset', {}, h('legend', {}, 'Source repositories'),
      field('Repositories, one a line', sources, 'Git or Helm repository URLs applications may use; * allows any.')),
    h('fieldset', {}, h('legend', {}, 'Destinations'),
      field('Cluster and namespace, one a line', destinations,
        'A cluster URL (or a cluster name) and a namespace, separated by a space; * allows any.')));
  if (!editing) setTimeout(() => name.focus(), 0);
  return panel;
}
