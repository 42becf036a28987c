// Evidence matrix: forms × outcomes, each cell the best grade and the number of claims; a cell opens the
// claim list filtered to that form and outcome.
import { h, gradeClass, gradeLabel } from '../dom.js';
import { run, compact } from '../sparql.js';

export async function matrixView() {
  const cells = await run('matrix');
  const forms = new Map();
  const outcomes = new Map();
  const at = new Map();
  for (const c of cells) {
    forms.set(c.form, c.formLabel);
    outcomes.set(c.outcome, c.outcomeLabel);
    at.set(c.form + ' ' + c.outcome, c);
  }
  const total = (map, key) => cells.filter((c) => c[key] === map).reduce((n, c) => n + c.claims, 0);
  const rows = [...forms.entries()].sort((a, b) => total(b[0], 'form') - total(a[0], 'form') || a[1].localeCompare(b[1]));
  const cols = [...outcomes.entries()].sort((a, b) => total(b[0], 'outcome') - total(a[0], 'outcome') || a[1].localeCompare(b[1]));
  return h('div', { class: 'matrix-view' },
    h('h1', {}, 'Evidence matrix'),
    h('p', {}, 'Forms (rows) by outcomes (columns). Each cell gives the best grade of the claims linking them and how many there are; open a cell for those claims. Columns are ordered by how many claims they hold.'),
    h('p', { class: 'legend' }, 'Best grade: ', [4, 3, 2, 1].map((r) => [h('span', { class: `cell-sample grade-${gradeClass(r)}` }, gradeLabel(r)), ' '])),
    h('div', { class: 'table-wrap matrix-wrap', tabindex: '0', role: 'region', 'aria-label': 'Evidence matrix, scrollable' },
      h('table', { class: 'matrix' },
        h('caption', { class: 'visually-hidden' }, 'Best grade and number of claims for each form and outcome'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'corner' }, 'Form \\ outcome'),
          cols.map(([o, label]) => h('th', { scope: 'col', class: 'col-head' }, h('a', { href: '/id/concept/' + o.split('/concept/')[1] }, h('span', {}, label)))))),
        h('tbody', {}, rows.map(([f, label]) => h('tr', {},
          h('th', { scope: 'row' }, h('a', { href: '/id/concept/' + f.split('/concept/')[1] }, label)),
          cols.map(([o, olabel]) => {
            const c = at.get(f + ' ' + o);
            if (!c) return h('td', { class: 'empty-cell' }, h('span', { class: 'visually-hidden' }, 'no claims'));
            return h('td', { class: `cell grade-${gradeClass(c.best)}` },
              h('a', {
                href: `/claims?form=${encodeURIComponent(compact(f))}&outcome=${encodeURIComponent(compact(o))}`,
                'aria-label': `${label} and ${olabel}: ${c.claims} claim${c.claims === 1 ? '' : 's'}, best grade ${gradeLabel(c.best)}`,
                'data-form': compact(f), 'data-outcome': compact(o), 'data-claims': c.claims,
              }, h('span', { class: 'cell-grade' }, gradeLabel(c.best)), h('span', { class: 'cell-count' }, String(c.claims))));
          })))))));
}
